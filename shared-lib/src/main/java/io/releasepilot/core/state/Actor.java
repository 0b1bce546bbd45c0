package io.releasepilot.core.state;

import org.jspecify.annotations.Nullable;

/**
 * Who acts, and from which CI run.
 *
 * @param name user or bot name (e.g. the GitHub actor)
 * @param ciRunUrl link to the CI run, when there is one
 */
public record Actor(String name, @Nullable String ciRunUrl) {
    public Actor {
        LedgerInput.text("actor", name, LedgerInput.MAX_SHORT_TEXT);
        LedgerInput.optionalText("CI run URL", ciRunUrl, LedgerInput.MAX_LONG_TEXT);
    }

    public static Actor of(String name) {
        return new Actor(name, null);
    }

    @Override
    public String toString() {
        return ciRunUrl == null ? name : name + " (CI run " + ciRunUrl + ")";
    }
}
