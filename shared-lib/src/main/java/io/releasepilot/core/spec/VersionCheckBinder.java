package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Binds {@code versionCheck}: the URL template, the target's servers, the status and how the version is read. */
final class VersionCheckBinder {
    private static final Pattern HOST_PORT = Pattern.compile("\\[?[A-Za-z0-9.:_-]+\\]?:\\d{1,5}");
    private static final Pattern JSON_PATH = Pattern.compile("(\\$\\.)?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private final SpecValues values;

    VersionCheckBinder(SpecValues values) {
        this.values = values;
    }

    Bound<VersionCheckSpec> bind(Mapping o) {
        Parts parts = values.parts();
        Bound<String> url = parts.add(values.text(o, "url", null, "e.g. url: \"http://{{address}}/version\""));
        Bound<List<String>> servers = parts.add(values.strings(o, "servers", List.of()));
        Bound<Integer> status = parts.add(values.integer(o, "expectStatus", SpecDefaults.EXPECT_STATUS, 100, 599));
        Bound<Optional<String>> regex = parts.add(values.optText(o, "regex"));
        Bound<Optional<String>> jsonPath = parts.add(values.optText(o, "jsonPath"));
        Bound<Optional<String>> header = parts.add(values.optText(o, "header"));
        Bound<Duration> timeout = parts.add(values.duration(o, "timeout", SpecDefaults.VERSION_CHECK_TIMEOUT, true));
        if (url.isValid()) {
            String text = url.value();
            if (!text.startsWith("http://") && !text.startsWith("https://")) {
                parts.problem(
                        o.get("url"),
                        o.child("url"),
                        "'" + text + "' is not an http(s) URL",
                        "e.g. \"http://{{address}}/version\"");
            }
            // A template without servers is checked against the target slot's pool, which the router names at run
            // time (so the check follows the slots as they alternate); servers without a template make no sense.
            if (servers.isValid()
                    && !text.contains(VersionCheckSpec.ADDRESS)
                    && !servers.value().isEmpty()) {
                parts.problem(
                        o.get("servers"),
                        o.child("url"),
                        "servers are listed but the url has no " + VersionCheckSpec.ADDRESS,
                        "write the url as \"http://{{address}}/version\", or leave servers out to check the target"
                                + " slot's servers");
            }
        }
        if (servers.isValid()) {
            for (int i = 0; i < servers.value().size(); i++) {
                String server = servers.value().get(i);
                if (!HOST_PORT.matcher(server).matches()) {
                    parts.problem(
                            o.get("servers"),
                            o.child("servers") + "[" + i + "]",
                            "'" + server + "' is not host:port",
                            "e.g. \"127.0.0.1:8082\"");
                }
            }
        }
        if (regex.isValid() && jsonPath.isValid() && header.isValid()) {
            long ways = java.util.stream.Stream.of(regex.value(), jsonPath.value(), header.value())
                    .filter(Optional::isPresent)
                    .count();
            if (ways != 1) {
                parts.problem(
                        o.node,
                        o.child(ways == 0 ? "regex" : "jsonPath"),
                        ways == 0
                                ? "nothing says where the version is in the answer"
                                : "give only one of regex, jsonPath and header",
                        "regex: \"version=(\\\\S+)\", jsonPath: $.version, or header: X-Version");
            }
            regex.value().ifPresent(pattern -> {
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    parts.problem(
                            o.get("regex"),
                            o.child("regex"),
                            "'" + pattern + "' is not a regular expression: " + e.getDescription(),
                            "its first group (or the whole match) must be the version, e.g. \"v(\\\\S+)\"");
                }
            });
            jsonPath.value().ifPresent(path -> {
                if (!JSON_PATH.matcher(path).matches()) {
                    parts.problem(
                            o.get("jsonPath"),
                            o.child("jsonPath"),
                            "'" + path + "' is not a dotted JSON path",
                            "e.g. $.version or $.build.version");
                }
            });
        }
        return parts.build(
                o,
                () -> new VersionCheckSpec(
                        url.value(),
                        servers.value(),
                        status.value(),
                        regex.value(),
                        jsonPath.value(),
                        header.value(),
                        timeout.value()));
    }
}
