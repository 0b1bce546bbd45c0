package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public abstract class Cause {
    public abstract String getShortDescription();

    public static class UserIdCause extends Cause {
        public UserIdCause(@CheckForNull String userId) {}

        public String getUserId() {
            throw new UnsupportedOperationException("compile-only");
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException("compile-only");
        }
    }
}
