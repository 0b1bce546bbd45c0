package org.jenkinsci.remoting;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Collection;

public abstract class RoleChecker {
    public abstract void check(@NonNull RoleSensitive subject, @NonNull Collection<Role> expected)
            throws SecurityException;
}
