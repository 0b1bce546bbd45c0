package io.releasepilot.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Binds {@code versioning}: the tag prefix and the pre-release channels per branch. */
final class VersioningBinder {
    private static final Pattern PRERELEASE = Pattern.compile("[0-9A-Za-z-]+");

    private final SpecValues values;

    VersioningBinder(SpecValues values) {
        this.values = values;
    }

    Bound<VersioningSpec> bind(Mapping o) {
        Parts parts = values.parts();
        Bound<String> prefix = parts.add(values.rawText(o, "tagPrefix", SpecDefaults.TAG_PREFIX));
        List<ChannelSpec> channels = new ArrayList<>();
        for (Mapping c : parts.objects(o, "channels", "versioning.channels[]")) {
            parts.add(channel(c)).ifValid(channels::add);
        }
        return parts.build(o, () -> new VersioningSpec(prefix.value(), channels));
    }

    private Bound<ChannelSpec> channel(Mapping c) {
        Parts parts = values.parts();
        Bound<String> branch = parts.add(values.text(c, "branch", null, "a branch glob, e.g. \"release/*\""));
        Bound<String> pre = parts.add(values.text(c, "prerelease", null, "a pre-release identifier, e.g. rc"));
        if (pre.isValid() && !PRERELEASE.matcher(pre.value()).matches()) {
            parts.problem(
                    c.get("prerelease"),
                    c.child("prerelease"),
                    "'" + pre.value() + "' is not a pre-release identifier",
                    "letters, digits and '-' (semver)");
        }
        return parts.build(c, () -> new ChannelSpec(branch.value(), pre.value()));
    }
}
