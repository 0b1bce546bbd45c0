package io.releasepilot.core.spec;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A node of the YAML tree with the line and column where it starts, so every problem can point at its source. */
final class YamlNode {
    enum Kind {
        MAPPING("a mapping"),
        LIST("a list"),
        STRING("a string"),
        NUMBER("a number"),
        BOOLEAN("a boolean"),
        NULL("no value");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** A key of a mapping, its position, and its value. */
    record Entry(String key, int line, int column, YamlNode value) {}

    final Kind kind;
    final int line;
    final int column;
    final String text;
    final List<Entry> entries;
    final List<YamlNode> items;
    /** Nodes in this subtree with aliases expanded: what a naive walk would visit. Saturates at Long.MAX_VALUE. */
    final long expandedSize;

    private YamlNode(
            Kind kind, int line, int column, String text, List<Entry> entries, List<YamlNode> items, long size) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.text = text;
        this.entries = List.copyOf(entries);
        this.items = List.copyOf(items);
        this.expandedSize = size;
    }

    static YamlNode scalar(Kind kind, int line, int column, String text) {
        return new YamlNode(kind, line, column, text, List.of(), List.of(), 1);
    }

    static YamlNode mapping(int line, int column, List<Entry> entries) {
        long size = 1;
        for (Entry entry : entries) {
            size = saturatedAdd(size, entry.value().expandedSize);
        }
        return new YamlNode(Kind.MAPPING, line, column, "", entries, List.of(), size);
    }

    static YamlNode list(int line, int column, List<YamlNode> items) {
        long size = 1;
        for (YamlNode item : items) {
            size = saturatedAdd(size, item.expandedSize);
        }
        return new YamlNode(Kind.LIST, line, column, "", List.of(), items, size);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    boolean isScalar() {
        return kind != Kind.MAPPING && kind != Kind.LIST;
    }

    Optional<Entry> entry(String key) {
        for (Entry entry : entries) {
            if (entry.key().equals(key)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    @Nullable
    YamlNode get(String key) {
        return entry(key).map(Entry::value).orElse(null);
    }

    /** How the node reads in a message: {@code 'abc'} for scalars, {@code a mapping} otherwise. */
    String describe() {
        if (kind == Kind.MAPPING || kind == Kind.LIST || kind == Kind.NULL) {
            return kind.description;
        }
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return kind.description + " '" + shown + "'";
    }
}
