package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

public final class FilePath implements Serializable {
    public FilePath(@NonNull File localPath) {}

    public String getRemote() {
        throw new UnsupportedOperationException("compile-only");
    }

    public boolean isRemote() {
        throw new UnsupportedOperationException("compile-only");
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only");
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
