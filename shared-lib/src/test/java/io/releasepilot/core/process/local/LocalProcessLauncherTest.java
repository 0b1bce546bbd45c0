package io.releasepilot.core.process.local;

import io.releasepilot.core.process.ProcessLauncher;
import io.releasepilot.core.process.ProcessLauncherContractTest;
import java.time.Duration;

/** The process contract for children of this JVM. */
class LocalProcessLauncherTest extends ProcessLauncherContractTest {
    @Override
    protected ProcessLauncher launcher(Duration grace) {
        return new LocalProcessLauncher(grace);
    }
}
