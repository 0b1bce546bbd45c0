package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Actionable implements ModelObject {
    @Override
    public abstract String getDisplayName();

    public abstract String getSearchUrl();

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("compile-only");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("compile-only");
    }
}
