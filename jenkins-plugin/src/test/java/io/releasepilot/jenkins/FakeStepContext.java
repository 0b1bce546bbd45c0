package io.releasepilot.jenkins;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** A Pipeline host as a step sees it: context objects by type, and what the step reported back. */
final class FakeStepContext extends StepContext {
    private static final long serialVersionUID = 1L;

    /** onSuccess value or onFailure throwable, in order. */
    record Completion(boolean success, Object value) {}

    private transient Map<Class<?>, Object> objects = new HashMap<>();
    private transient BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    transient volatile Result result;
    transient volatile int saves;

    FakeStepContext with(Class<?> type, Object value) {
        objects.put(type, value);
        return this;
    }

    /** Up to 80 s: a canary of a few seconds can take much longer on a loaded machine (and JenkinsStepsIT: 90 s). */
    Completion awaitCompletion() throws InterruptedException {
        Completion c = completions.poll(80, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("the step did not report onSuccess/onFailure");
        }
        return c;
    }

    /** Like Jenkins after a restart: the persisted program state comes back, the context objects are supplied anew. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        objects = new HashMap<>();
        completions = new LinkedBlockingQueue<>();
    }

    @Override
    public <T> T get(Class<T> key) {
        return key.cast(objects.get(key));
    }

    @Override
    public void onSuccess(Object value) {
        completions.add(new Completion(true, value));
    }

    @Override
    public void onFailure(Throwable t) {
        completions.add(new Completion(false, t));
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        saves++;
        return Futures.immediateVoidFuture();
    }

    @Override
    public void setResult(Result r) {
        result = r;
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new IllegalStateException("Release Pilot steps take no body");
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
