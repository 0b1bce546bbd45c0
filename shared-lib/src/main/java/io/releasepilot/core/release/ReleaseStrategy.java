package io.releasepilot.core.release;

/**
 * How a release moves traffic. A spec chooses {@code canary} or {@code blue-green}; the ledger also records DIRECT
 * releases (no traffic shifting) and ROLLBACK releases (a return to an earlier version), which no spec names. The
 * ledger stores the constant's name.
 */
public enum ReleaseStrategy implements SpecEnum {
    CANARY(true),
    BLUE_GREEN(true),
    DIRECT(false),
    ROLLBACK(false);

    private final boolean inSpec;

    ReleaseStrategy(boolean inSpec) {
        this.inSpec = inSpec;
    }

    @Override
    public boolean inSpec() {
        return inSpec;
    }
}
