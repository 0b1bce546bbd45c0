package io.releasepilot.core.spec;

import org.jspecify.annotations.Nullable;

/**
 * A mapping of the spec with its dotted path. Opening one through {@link Parts#object} or {@link Parts#objects}
 * reports its unknown keys against the catalog of {@link SpecKeys}.
 */
final class Mapping {
    final YamlNode node;
    final String path;

    Mapping(YamlNode node, String path) {
        this.node = node;
        this.path = path;
    }

    @Nullable
    YamlNode get(String key) {
        return node.get(key);
    }

    boolean has(String key) {
        return node.get(key) != null;
    }

    /** The dotted path of {@code key} in this mapping. */
    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
