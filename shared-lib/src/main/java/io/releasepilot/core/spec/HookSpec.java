package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;

/** A user command (program and arguments, never a shell string) with a timeout. */
public record HookSpec(List<String> command, Duration timeout) {
    public HookSpec {
        command = Require.list(command, "command");
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("a command needs at least the program");
        }
        Require.positive(timeout, "timeout");
    }
}
