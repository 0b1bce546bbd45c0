package io.releasepilot.core.version;

import java.time.Instant;

/**
 * Who creates a release tag, and when.
 *
 * @param name tagger name
 * @param email tagger e-mail
 * @param when tag time
 */
public record Tagger(String name, String email, Instant when) {
    public Tagger {
        if (name.isBlank() || email.isBlank()) {
            throw new io.releasepilot.core.InvalidInputException("a tagger needs a name and an e-mail address");
        }
    }
}
