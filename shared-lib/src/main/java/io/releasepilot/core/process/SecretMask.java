package io.releasepilot.core.process;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The secret values of one release (the values of every variable the spec or the host names as a secret), replaced
 * by {@link #MASK} in any text before it reaches a log, the ledger or an event. Longer values are replaced first, so a
 * secret that contains another is masked whole.
 *
 * @param values the secret values; blank values are ignored (they would mask every gap)
 */
public record SecretMask(List<String> values) {
    /** What a secret reads as once masked. */
    public static final String MASK = "****";

    /** A mask that hides nothing: for programs started without any secret in reach (tests, the demo). */
    public static final SecretMask NONE = new SecretMask(List.of());

    public SecretMask {
        Set<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            if (!value.isBlank()) {
                distinct.add(value);
            }
        }
        values = distinct.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** A mask of these values. */
    public static SecretMask of(Collection<String> values) {
        return new SecretMask(List.copyOf(values));
    }

    /** {@code text} with every secret value replaced by {@link #MASK}. */
    public String mask(String text) {
        String masked = text;
        for (String value : values) {
            masked = masked.replace(value, MASK);
        }
        return masked;
    }

    /** The length of the longest secret, in characters: how far a secret can straddle a cut in the output. */
    public int longest() {
        return values.isEmpty() ? 0 : values.get(0).length();
    }

    /** This mask and {@code other}'s values together. */
    public SecretMask and(SecretMask other) {
        List<String> all = new java.util.ArrayList<>(values);
        all.addAll(other.values);
        return new SecretMask(all);
    }

    @Override
    public String toString() {
        // Never the values themselves: a record's generated toString would print them into any log.
        return "SecretMask[" + values.size() + " values]";
    }
}
