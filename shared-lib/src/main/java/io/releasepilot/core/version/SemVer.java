package io.releasepilot.core.version;

import io.releasepilot.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version. Ordering follows the SemVer precedence rules (build metadata is ignored);
 * {@link #bump} follows node-semver's {@code inc}, which is what semantic-release uses.
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 * @param preRelease pre-release identifiers ({@code rc.2} is {@code ["rc", "2"]}); empty for a release
 * @param build build metadata identifiers; empty when absent
 */
public record SemVer(int major, int minor, int patch, List<String> preRelease, List<String> build)
        implements Comparable<SemVer> {

    // The official regular expression from semver.org, without a leading "v".
    private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    private static final Pattern NUMERIC = Pattern.compile("0|[1-9]\\d*");
    private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Za-z-]+");

    /** The version semantic-release gives a first release. */
    public static final SemVer FIRST_RELEASE = new SemVer(1, 0, 0, List.of(), List.of());

    public SemVer {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new InvalidInputException(
                    "version numbers must not be negative: " + major + "." + minor + "." + patch);
        }
        preRelease = List.copyOf(preRelease);
        build = List.copyOf(build);
        for (String id : preRelease) {
            if (!IDENTIFIER.matcher(id).matches()) {
                throw new InvalidInputException("invalid pre-release identifier '" + id + "'");
            }
        }
    }

    /** A release version without pre-release or build identifiers. */
    public static SemVer of(int major, int minor, int patch) {
        return new SemVer(major, minor, patch, List.of(), List.of());
    }

    /** Parses a strict SemVer string ("1.2.3-rc.1+build.5"); throws {@link InvalidInputException} otherwise. */
    public static SemVer parse(String text) {
        return tryParse(text)
                .orElseThrow(() -> new InvalidInputException(
                        "'" + text + "' is not a semantic version (expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD])"));
    }

    /** Parses a strict SemVer string, or returns empty when it is not one. */
    public static Optional<SemVer> tryParse(String text) {
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SemVer(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    m.group(4) == null ? List.of() : List.of(m.group(4).split("\\.")),
                    m.group(5) == null ? List.of() : List.of(m.group(5).split("\\."))));
        } catch (NumberFormatException tooBig) {
            return Optional.empty();
        }
    }

    /** True when this version carries pre-release identifiers. */
    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** The same version without pre-release and build identifiers. */
    public SemVer release() {
        return of(major, minor, patch);
    }

    /**
     * node-semver's {@code inc(version, type)}: a pre-release of 2.0.0 bumped by "major" becomes 2.0.0, of 1.1.0 by
     * "minor" 1.1.0, of 1.0.1 by "patch" 1.0.1; a release is incremented and the lower numbers reset.
     */
    public SemVer bump(ReleaseType type) {
        switch (type) {
            case MAJOR:
                if (isPreRelease() && minor == 0 && patch == 0) {
                    return release();
                }
                return of(major + 1, 0, 0);
            case MINOR:
                if (isPreRelease() && patch == 0) {
                    return release();
                }
                return of(major, minor + 1, 0);
            case PATCH:
                if (isPreRelease()) {
                    return release();
                }
                return of(major, minor, patch + 1);
            default:
                throw new IllegalStateException("unknown release type " + type);
        }
    }

    /**
     * node-semver's {@code inc(version, "prerelease")}: increments the last numeric pre-release identifier
     * (1.1.0-rc.2 → 1.1.0-rc.3), appends ".0" when there is none, and turns a release into the next patch's "-0".
     */
    public SemVer bumpPreRelease() {
        if (!isPreRelease()) {
            return new SemVer(major, minor, patch + 1, List.of("0"), List.of());
        }
        List<String> ids = new ArrayList<>(preRelease);
        for (int i = ids.size() - 1; i >= 0; i--) {
            if (NUMERIC.matcher(ids.get(i)).matches()) {
                ids.set(i, Long.toString(Long.parseLong(ids.get(i)) + 1));
                return new SemVer(major, minor, patch, ids, List.of());
            }
        }
        ids.add("0");
        return new SemVer(major, minor, patch, ids, List.of());
    }

    /** This version with the given pre-release identifiers ({@code withPreRelease("rc", "1")}). */
    public SemVer withPreRelease(String... identifiers) {
        return new SemVer(major, minor, patch, List.of(identifiers), List.of());
    }

    /**
     * True when this is a pre-release on {@code channel}: its identifiers are the channel id or start with it
     * (semantic-release's {@code matchesPrereleaseIdentifier}).
     */
    public boolean isOnChannel(String channel) {
        String ids = String.join(".", preRelease);
        return isPreRelease() && (ids.equals(channel) || ids.startsWith(channel + "."));
    }

    @Override
    public int compareTo(SemVer other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, other.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            // A release ranks above its pre-releases.
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            c = compareIdentifier(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean aNumeric = NUMERIC.matcher(a).matches();
        boolean bNumeric = NUMERIC.matcher(b).matches();
        if (aNumeric && bNumeric) {
            return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /** The higher of two versions. */
    public static SemVer highest(SemVer a, SemVer b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder()
                .append(major)
                .append('.')
                .append(minor)
                .append('.')
                .append(patch);
        if (!preRelease.isEmpty()) {
            text.append('-').append(String.join(".", preRelease));
        }
        if (!build.isEmpty()) {
            text.append('+').append(String.join(".", build));
        }
        return text.toString();
    }
}
