package io.releasepilot.core.rollout;

/** The phases of a blue-green cutover, in order; COMPLETED, ROLLED_BACK and FAILED are final. */
public enum CutoverPhase {
    /** Nothing done yet: blue serves everything. */
    PENDING,
    /** The deploy hook for green runs. */
    DEPLOYING,
    /** Smoke checks probe green; blue still serves everything. */
    SMOKE_CHECKING,
    /** All traffic on green; rollback triggers watched for the watch window. */
    WATCHING,
    /** Green is live and healthy; blue is kept ready for instant switch-back until the scale-down delay ends. */
    KEEPING_BLUE,
    /** The retire hook for blue runs. */
    RETIRING,
    COMPLETED,
    ROLLED_BACK,
    /** Green never received traffic (deploy hook or smoke checks failed). */
    FAILED;

    /** Whether the cutover is over. */
    public boolean isFinal() {
        return this == COMPLETED || this == ROLLED_BACK || this == FAILED;
    }
}
