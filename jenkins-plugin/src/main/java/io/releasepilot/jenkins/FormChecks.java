package io.releasepilot.jenkins;

import io.releasepilot.core.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Pure checks behind every {@code doCheck…} form method: no Jenkins, no I/O. */
final class FormChecks {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private FormChecks() {}

    static Validation databaseUrl(@Nullable String value) {
        String v = Texts.trimToNull(value);
        if (v == null) {
            return Validation.warning(
                    "No database: builds use the spec's state.database settings or an embedded Postgres per run.");
        }
        if (!v.startsWith("jdbc:postgresql://")) {
            return Validation.error("Expected a PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/releasepilot");
        }
        return secretFree(v);
    }

    static Validation natsUrl(@Nullable String value) {
        String v = Texts.trimToNull(value);
        if (v == null) {
            return Validation.ok();
        }
        return uri(v, "nats", "tls");
    }

    static Validation prometheusUrl(@Nullable String value) {
        String v = Texts.trimToNull(value);
        if (v == null) {
            return Validation.ok();
        }
        return uri(v, "http", "https");
    }

    static Validation specPath(@Nullable String value) {
        String v = Texts.trimToNull(value);
        if (v == null) {
            return Validation.ok();
        }
        try {
            WorkspacePaths.relative(v, "spec path");
            return Validation.ok();
        } catch (InvalidInputException e) {
            return Validation.error(
                    "The spec path is relative to the workspace and stays inside it: " + e.getMessage());
        }
    }

    /** The release rules parse: every line has a job, a service and an environment glob. */
    static Validation releaseRules(@Nullable String value) {
        try {
            ReleaseAuthorization.parse(value, null);
            return Validation.ok();
        } catch (InvalidInputException e) {
            return Validation.error(e.getMessage());
        }
    }

    static Validation name(@Nullable String value, String what, boolean required) {
        String v = Texts.trimToNull(value);
        if (v == null) {
            return required ? Validation.error("The " + what + " is required.") : Validation.ok();
        }
        if (!NAME.matcher(v).matches()) {
            return Validation.error("A " + what + " is lower case letters, digits, '.', '_' or '-' (at most 63).");
        }
        return Validation.ok();
    }

    private static Validation uri(String v, String... schemes) {
        URI u;
        try {
            u = new URI(v);
        } catch (URISyntaxException e) {
            return Validation.error("Not a URL: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        for (String s : schemes) {
            if (s.equals(scheme) && u.getHost() != null) {
                return secretFree(v);
            }
        }
        return Validation.error("Expected a " + String.join(" or ", schemes) + " URL with a host.");
    }

    /** Secrets belong in Credentials: a password in a URL would be stored in clear and shown on the form. */
    private static Validation secretFree(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.contains("password=") || v.matches("^[a-z:]+//[^/@]*:[^/@]*@.*")) {
            return Validation.error("Do not put credentials in the URL; choose a credentials ID instead.");
        }
        return Validation.ok();
    }
}
