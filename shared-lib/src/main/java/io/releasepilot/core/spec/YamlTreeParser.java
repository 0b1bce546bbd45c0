package io.releasepilot.core.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns YAML text into a {@link YamlNode} tree by walking Jackson's token stream, so every node keeps its line and
 * column. Duplicate keys, aliases and nesting are checked here; hostile input (alias bombs, deep nesting) is cut off
 * with a problem instead of being expanded.
 */
final class YamlTreeParser {
    /** Anything bigger is not a hand-written spec; expanding it is how alias bombs work. */
    static final long MAX_EXPANDED_NODES = 100_000;

    static final int MAX_DEPTH = 40;
    static final int MAX_ALIASES = 100;

    private static final YAMLFactory FACTORY = createFactory();

    private final String file;
    private final List<Problem> problems;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private int aliases;
    private final YAMLParser parser;

    /** Thrown inside the walk to stop at the first structural problem that makes the rest meaningless. */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super("spec parsing stopped", null, false, false);
        }
    }

    private YamlTreeParser(String file, List<Problem> problems, YAMLParser parser) {
        this.file = file;
        this.problems = problems;
        this.parser = parser;
    }

    private static YAMLFactory createFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH + 10);
        // duplicates are reported by the tree walk, at the second key, without stopping the parse
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(SpecReader.MAX_BYTES + 1);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 10)
                        .maxStringLength(SpecReader.MAX_BYTES)
                        .build())
                .build();
        return factory;
    }

    /** The root node, or null with the reasons added to {@code problems}. */
    static @Nullable YamlNode parse(String file, String text, List<Problem> problems) {
        try (YAMLParser yaml = (YAMLParser) FACTORY.createParser(new StringReader(text))) {
            return new YamlTreeParser(file, problems, yaml).document();
        } catch (Abort stopped) {
            return null;
        } catch (JacksonException error) {
            problems.add(syntaxProblem(file, error));
            return null;
        } catch (IOException | RuntimeException error) {
            problems.add(syntaxProblem(file, error));
            return null;
        }
    }

    private @Nullable YamlNode document() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            problems.add(new Problem(file, 1, 1, "", "the spec is empty", "start with 'service: <name>'"));
            return null;
        }
        YamlNode root = value(first, 0, "");
        JsonToken next = parser.nextToken();
        if (next != null) {
            JsonLocation at = parser.currentTokenLocation();
            problems.add(new Problem(
                    file,
                    line(at),
                    column(at),
                    "",
                    "a second YAML document; a spec is one document",
                    "remove the '---' and everything after it, or merge the documents"));
            return null;
        }
        return root;
    }

    private YamlNode value(JsonToken token, int depth, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = line(at);
        int column = column(at);
        if (depth > MAX_DEPTH) {
            throw fail(line, column, "nested more than " + MAX_DEPTH + " levels deep", "a spec is a few levels deep");
        }
        if (parser.isCurrentAlias()) {
            return alias(parser.getText(), line, column);
        }
        String anchor = parser.getCurrentAnchor();
        YamlNode node;
        switch (token) {
            case START_OBJECT:
                node = mapping(line, column, depth, path);
                break;
            case START_ARRAY:
                List<YamlNode> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(value(t, depth + 1, path + "[" + items.size() + "]"));
                }
                node = YamlNode.list(line, column, items);
                break;
            case VALUE_STRING:
                node = YamlNode.scalar(YamlNode.Kind.STRING, line, column, parser.getText());
                break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                node = YamlNode.scalar(YamlNode.Kind.NUMBER, line, column, parser.getText());
                break;
            case VALUE_TRUE:
            case VALUE_FALSE:
                node = YamlNode.scalar(YamlNode.Kind.BOOLEAN, line, column, parser.getText());
                break;
            case VALUE_NULL:
                node = YamlNode.scalar(YamlNode.Kind.NULL, line, column, "");
                break;
            default:
                // VALUE_EMBEDDED_OBJECT: binary (!!binary) or another tag Jackson could not map to text
                node = YamlNode.scalar(YamlNode.Kind.STRING, line, column, String.valueOf(parser.getText()));
        }
        checkSize(node);
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private YamlNode mapping(int line, int column, int depth, String path) throws IOException {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, YamlNode.Entry> seen = new HashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            YamlNode value = value(parser.nextToken(), depth + 1, keyPath);
            YamlNode.Entry entry = new YamlNode.Entry(key, line(keyAt), column(keyAt), value);
            YamlNode.Entry first = seen.putIfAbsent(key, entry);
            if (first != null) {
                problems.add(new Problem(
                        file,
                        entry.line(),
                        entry.column(),
                        keyPath,
                        "duplicate key '" + key + "' (first at line " + first.line() + ")",
                        "keep one of them"));
            } else {
                entries.add(entry);
            }
        }
        return YamlNode.mapping(line, column, entries);
    }

    private YamlNode alias(String name, int line, int column) {
        aliases++;
        if (aliases > MAX_ALIASES) {
            throw fail(
                    line,
                    column,
                    "more than " + MAX_ALIASES + " aliases",
                    "write the values out; a spec needs few aliases");
        }
        YamlNode target = anchors.get(name);
        if (target == null) {
            throw fail(
                    line,
                    column,
                    "alias '*" + name + "' refers to no earlier anchor '&" + name + "'",
                    "define the anchor before using it");
        }
        return target;
    }

    private void checkSize(YamlNode node) {
        if (node.expandedSize > MAX_EXPANDED_NODES) {
            if (aliases > 0) {
                throw fail(
                        node.line,
                        node.column,
                        "aliases expand to more than " + MAX_EXPANDED_NODES + " nodes (a YAML alias bomb?)",
                        "write the values out instead of nesting aliases");
            }
            throw fail(
                    node.line,
                    node.column,
                    "more than " + MAX_EXPANDED_NODES + " values; a spec has a few hundred",
                    "is this the right file?");
        }
    }

    /** Records the problem; the caller throws the returned {@link Abort} (so the compiler sees the flow end). */
    private Abort fail(int line, int column, String message, String hint) {
        problems.add(new Problem(file, line, column, "", message, hint));
        return new Abort();
    }

    private static Problem syntaxProblem(String file, Exception error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException) {
                MarkedYAMLException marked = (MarkedYAMLException) cause;
                Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
                String message = marked.getProblem() != null ? marked.getProblem() : "malformed YAML";
                if (marked.getContext() != null) {
                    message = message + " " + marked.getContext();
                }
                int line = mark == null ? 1 : mark.getLine() + 1;
                int column = mark == null ? 1 : mark.getColumn() + 1;
                return new Problem(
                        file,
                        line,
                        column,
                        "",
                        "malformed YAML: " + oneLine(message),
                        "check the indentation and quoting here");
            }
        }
        int line = 1;
        int column = 1;
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (error instanceof JacksonException) {
            JacksonException jackson = (JacksonException) error;
            if (jackson.getLocation() != null && jackson.getLocation().getLineNr() > 0) {
                line = jackson.getLocation().getLineNr();
                column = Math.max(1, jackson.getLocation().getColumnNr());
            }
            message = jackson.getOriginalMessage();
        }
        return new Problem(
                file,
                line,
                column,
                "",
                "malformed YAML: " + oneLine(message),
                "check the indentation and quoting here");
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
    }

    private static int line(JsonLocation at) {
        return Math.max(1, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return Math.max(1, at.getColumnNr());
    }
}
