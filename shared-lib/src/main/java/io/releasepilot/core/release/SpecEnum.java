package io.releasepilot.core.release;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An enum written in the spec in lower-case kebab form ({@code blue-green} for {@code BLUE_GREEN}). It lives with the
 * vocabulary, not in the spec package, because the vocabulary's enums are written in the spec and must not depend on
 * it.
 */
public interface SpecEnum {
    String name();

    /** The spelling used in release-pilot.yml. */
    default String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Whether a spec may name this constant. Constants only the tool itself records (a {@code ROLLBACK} release) say
     * no, so the spec reader neither offers nor accepts them.
     */
    default boolean inSpec() {
        return true;
    }

    /** The constants of {@code type} a spec may name, in declaration order. */
    static <E extends Enum<E> & SpecEnum> List<E> specValues(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).filter(SpecEnum::inSpec).toList();
    }
}
