package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;

public final class FilePath implements Serializable {
    public FilePath(@NonNull File localPath) {}

    public String getRemote() {
        throw new UnsupportedOperationException("compile-only");
    }

    public boolean isRemote() {
        throw new UnsupportedOperationException("compile-only");
    }

    public int copyRecursiveTo(String fileMask, FilePath target) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only");
    }
}
