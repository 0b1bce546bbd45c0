package io.releasepilot.core.spec;

import java.util.Locale;

/** An enum written in the spec in lower-case kebab form ({@code blue-green} for {@code BLUE_GREEN}). */
public interface SpecEnum {
    String name();

    /** The spelling used in release-pilot.yml. */
    default String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
