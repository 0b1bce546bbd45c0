package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import java.io.Serializable;

public interface TaskListener extends Serializable {
    @NonNull
    PrintStream getLogger();
}
