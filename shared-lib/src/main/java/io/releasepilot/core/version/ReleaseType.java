package io.releasepilot.core.version;

/** The size of a release, ordered from the biggest; {@code compareTo} &lt; 0 means "bigger". */
public enum ReleaseType {
    MAJOR,
    MINOR,
    PATCH;

    /** The bigger of two release types. */
    public ReleaseType max(ReleaseType other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** Lower-case name, as semantic-release prints it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
