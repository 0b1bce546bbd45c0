package io.releasepilot.core.spec;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A spec with the SHA-256 of the bytes it was read from, so a release records exactly which release-pilot.yml it ran
 * with. Read once by {@link SpecReader#readFile}: the hash and the spec come from the same bytes.
 *
 * @param spec the validated spec
 * @param hash SHA-256 of the spec's bytes, 64 lower-case hex digits
 */
public record SpecFile(ReleaseSpec spec, String hash) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public SpecFile {
        Objects.requireNonNull(spec, "spec");
        if (hash == null || !SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("a spec hash is 64 lower-case hex digits, was " + hash);
        }
    }
}
