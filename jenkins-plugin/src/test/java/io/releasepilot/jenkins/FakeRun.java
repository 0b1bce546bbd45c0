package io.releasepilot.jenkins;

import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.Result;
import hudson.model.Run;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Pipeline build: number, URL, the user who started it, result and actions. */
final class FakeRun extends Run<FakeJob, FakeRun> {
    private final transient FakeJob job;
    private final transient List<Action> actions = new CopyOnWriteArrayList<>();
    private final String user;
    private final String jobName;
    private volatile Result result;

    FakeRun(FakeJob job, String user) {
        this(job, user, "checkout-deploy");
    }

    /** A build of the job with this full name ({@code folder/job}). */
    FakeRun(FakeJob job, String user, String jobName) {
        super(job, 0L);
        this.job = job;
        this.user = user;
        this.jobName = jobName;
    }

    void finish(Result r) {
        result = r;
    }

    List<Action> actions() {
        return List.copyOf(actions);
    }

    @Override
    public Result getResult() {
        return result;
    }

    @Override
    public <T extends Cause> T getCause(Class<T> type) {
        if (user == null || type != Cause.UserIdCause.class) {
            return null;
        }
        return type.cast(new FakeUserCause(user));
    }

    @Override
    public FakeJob getParent() {
        return job;
    }

    @Override
    public int getNumber() {
        return 42;
    }

    @Override
    public String getUrl() {
        return "job/" + jobName.replace("/", "/job/") + "/42/";
    }

    @Override
    public String getExternalizableId() {
        return jobName + "#42";
    }

    @Override
    public String getDisplayName() {
        return "#42";
    }

    @Override
    public boolean addOrReplaceAction(Action a) {
        actions.removeIf(existing -> existing.getClass() == a.getClass());
        actions.add(a);
        return true;
    }

    @Override
    public <T extends Action> T getAction(Class<T> type) {
        for (Action a : actions) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    @Override
    public int compareTo(FakeRun that) {
        return Integer.compare(getNumber(), that.getNumber());
    }

    /** A user cause whose id the fake can report without Jenkins' user database. */
    static final class FakeUserCause extends Cause.UserIdCause {
        private final String id;

        FakeUserCause(String id) {
            super(id);
            this.id = id;
        }

        @Override
        public String getUserId() {
            return id;
        }
    }
}
