package io.releasepilot.core.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the values that point outside the spec: programs to run, URLs, and the names of variables and credentials
 * that hold secrets. Each is checked so that neither a shell string nor a secret gets into the spec.
 */
final class SpecReferences {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CREDENTIALS_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final SpecValues values;

    SpecReferences(SpecValues values) {
        this.values = values;
    }

    /** A program and its arguments: a list, never a shell string (no injection through a shell). */
    Bound<List<String>> command(Mapping o, String key, @Nullable List<String> fallback) {
        YamlNode node = o.get(key);
        if (node != null && node.kind == YamlNode.Kind.STRING) {
            return values.problem(
                    node,
                    o.child(key),
                    "a command is a list of program and arguments, not a shell string",
                    "write it as [\"" + String.join("\", \"", node.text.trim().split("\\s+")) + "\"]");
        }
        return values.strings(o, key, fallback)
                .flatMap(command -> command.isEmpty()
                        ? values.problem(node, o.child(key), "the command is empty", "give at least the program")
                        : Bound.of(command));
    }

    Bound<URI> url(Mapping o, String key) {
        return values.read(o, key, null, "e.g. http://127.0.0.1:8080/healthz", node -> {
            try {
                URI uri = new URI(node.text.trim());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                    return values.problem(
                            node,
                            o.child(key),
                            "'" + node.text + "' is not an http(s) URL",
                            "e.g. http://127.0.0.1:9090");
                }
                if (uri.getRawUserInfo() != null) {
                    return values.problem(
                            node,
                            o.child(key),
                            "the URL contains credentials; secrets never go in the spec",
                            "remove 'user:password@' and use an ...Env variable or a credentials ID");
                }
                return Bound.of(uri);
            } catch (URISyntaxException notAUrl) {
                return values.problem(
                        node,
                        o.child(key),
                        "'" + node.text + "' is not a URL: " + notAUrl.getReason(),
                        "e.g. http://127.0.0.1:9090");
            }
        });
    }

    Bound<Optional<String>> envName(Mapping o, String key) {
        return secretReference(
                o,
                key,
                ENV_NAME,
                "the name of an environment variable",
                "is not an environment variable name",
                "name the variable that holds the value (e.g. RP_DATABASE_PASSWORD), never the value itself");
    }

    Bound<Optional<String>> credentialsId(Mapping o, String key) {
        return secretReference(
                o,
                key,
                CREDENTIALS_ID,
                "a Jenkins credentials ID",
                "is not a credentials ID",
                "the ID of a Jenkins credential, e.g. release-pilot-db");
    }

    /** A field that names where a secret lives (a variable, a credential), never the secret: masked in messages. */
    private Bound<Optional<String>> secretReference(
            Mapping o, String key, Pattern form, String expected, String notIt, String hint) {
        if (!o.has(key)) {
            return Bound.of(Optional.empty());
        }
        return values.text(o, key, null, expected)
                .flatMap(value -> form.matcher(value).matches()
                        ? Bound.of(Optional.of(value))
                        : values.problem(o.get(key), o.child(key), "'" + Hints.mask(value) + "' " + notIt, hint));
    }
}
