package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor(Class<? extends T> clazz) {}

    protected Descriptor() {}

    public @NonNull String getDisplayName() {
        throw new UnsupportedOperationException("compile-only");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("compile-only");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("compile-only");
    }
}
