package io.releasepilot.core.process;

import java.util.List;

/**
 * How one program ended.
 *
 * @param argv the program and its arguments
 * @param exitCode its exit code; meaningless when it timed out (its tree was killed)
 * @param output its combined stdout and stderr, secrets masked, at most the request's limit
 * @param droppedChars how much output was counted and dropped beyond the limit (bytes past the kept part)
 * @param timedOut whether it outlived its timeout and its process tree was stopped
 */
public record ProcessOutcome(List<String> argv, int exitCode, String output, long droppedChars, boolean timedOut) {
    public ProcessOutcome {
        argv = List.copyOf(argv);
        if (droppedChars < 0) {
            throw new IllegalArgumentException("droppedChars must not be negative, got " + droppedChars);
        }
    }

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** The output with a note of what was dropped, as logs and the ledger show it. */
    public String reported() {
        return droppedChars == 0 ? output : output + "\n…(" + droppedChars + " more bytes of output dropped)";
    }
}
