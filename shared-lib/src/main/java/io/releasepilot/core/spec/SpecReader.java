package io.releasepilot.core.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads release-pilot.yml into a {@link ReleaseSpec}, reporting every problem at once with its line and column.
 * Never throws for bad input and never expands hostile YAML: oversized, binary and alias-bomb files become problems.
 */
public final class SpecReader {
    /** The largest spec read: a hand-written spec is a few kilobytes; anything near this is not one. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final int MAX_TAB_PROBLEMS = 20;

    /** More problems than this are one mistake repeated; the rest are summed up in one line. */
    static final int MAX_PROBLEMS = 100;

    private SpecReader() {}

    /** Reads and validates the spec file at {@code file}; the problems name the file as given. */
    public static Validated<ReleaseSpec> read(Path file) {
        return readFile(file).map(SpecFile::spec);
    }

    /**
     * As {@link #read(Path)}, with the SHA-256 of the bytes read: the one read of the file both the spec and the hash
     * the ledger records come from.
     */
    public static Validated<SpecFile> readFile(Path file) {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                return fileProblem(name, "is a directory, not a spec file", "pass the path of release-pilot.yml");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return tooLarge(name, size);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // the file may grow between size() and reading: never read more than the limit
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                return tooLarge(name, bytes.length);
            }
            return readFile(name, bytes);
        } catch (NoSuchFileException missing) {
            return fileProblem(
                    name, "no such file", "create it (see docs/release-pilot.example.yml) or pass --spec FILE");
        } catch (IOException | SecurityException unreadable) {
            return fileProblem(
                    name, "cannot be read: " + unreadable.getMessage(), "check the path and its permissions");
        }
    }

    /** Validates spec text; {@code name} is the file name used in problems. */
    public static Validated<ReleaseSpec> read(String name, String content) {
        return read(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Validates spec bytes (UTF-8); {@code name} is the file name used in problems. */
    public static Validated<ReleaseSpec> read(String name, byte[] content) {
        return readFile(name, content).map(SpecFile::spec);
    }

    /** As {@link #read(String, byte[])}, with the SHA-256 of {@code content}. */
    public static Validated<SpecFile> readFile(String name, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        try {
            ReleaseSpec spec = parse(name, content, problems);
            if (spec != null && problems.isEmpty()) {
                return Validated.valid(new SpecFile(spec, specHash(content)));
            }
        } catch (RuntimeException | StackOverflowError unexpected) {
            // the contract is "never throws for bad input": a bug in the reader still becomes a problem, not a trace
            problems.add(new Problem(
                    name,
                    1,
                    1,
                    "",
                    "the spec could not be read: " + unexpected,
                    "please report this with the spec attached"));
        }
        if (problems.isEmpty()) {
            problems.add(new Problem(name, 1, 1, "", "the spec could not be read", "please report this"));
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        if (problems.size() > MAX_PROBLEMS) {
            Problem next = problems.get(MAX_PROBLEMS);
            int more = problems.size() - MAX_PROBLEMS;
            List<Problem> shown = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
            shown.add(new Problem(
                    name,
                    next.line(),
                    next.column(),
                    "",
                    "and " + more + " more problem(s)",
                    "fix the ones above first"));
            return Validated.invalid(shown);
        }
        return Validated.invalid(problems);
    }

    /**
     * A warning about a valid spec, rendered like a problem ({@code file:line:column: path: WARNING: message (hint)}):
     * it points at the key {@code path} (dotted mapping keys), or at the nearest enclosing key the file writes when it
     * leaves that one to its default (1:1 when it writes none of them).
     */
    public static Problem warning(Path file, String path, String message, String hint) {
        String name = file.toString();
        int line = 1;
        int column = 1;
        try {
            byte[] bytes = Files.readAllBytes(file);
            YamlNode node = bytes.length > MAX_BYTES
                    ? null
                    : YamlTreeParser.parse(
                            name,
                            new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""),
                            new ArrayList<>());
            for (String key : path.isEmpty() ? new String[0] : path.split("\\.")) {
                Optional<YamlNode.Entry> entry =
                        node == null || node.kind != YamlNode.Kind.MAPPING ? Optional.empty() : node.entry(key);
                if (entry.isEmpty()) {
                    break;
                }
                line = entry.get().line();
                column = entry.get().column();
                node = entry.get().value();
            }
        } catch (IOException | RuntimeException unreadable) {
            // The spec was read a moment ago; if it cannot be read again, the warning still names the file.
            line = 0;
            column = 0;
        }
        return new Problem(name, line, column, path, "WARNING: " + message, hint);
    }

    /** SHA-256 of the spec file's bytes, in lower-case hex: the ledger records which spec a release ran with. */
    public static String specHash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** SHA-256 of the file at {@code file}; an {@link java.io.UncheckedIOException} when it cannot be read. */
    public static String specHash(Path file) {
        try {
            return specHash(Files.readAllBytes(file));
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException("cannot read " + file + " to hash it", unreadable);
        }
    }

    private static ReleaseSpec parse(String name, byte[] bytes, List<Problem> problems) {
        if (bytes.length > MAX_BYTES) {
            problems.addAll(tooLarge(name, bytes.length).problems());
            return null;
        }
        String text = decode(name, bytes, problems);
        if (text == null) {
            return null;
        }
        if (isBlankOrComments(text)) {
            problems.add(new Problem(
                    name,
                    1,
                    1,
                    "",
                    "the spec is empty",
                    "start with 'service: <name>'; see docs/release-pilot.example.yml"));
            return null;
        }
        if (tabIndentation(name, text, problems)) {
            return null;
        }
        YamlNode root = YamlTreeParser.parse(name, text, problems);
        if (root == null) {
            return null;
        }
        Bound<ReleaseSpec> spec = SpecBinder.bind(name, root);
        problems.addAll(spec.problems());
        return spec.isValid() ? spec.value() : null;
    }

    /** Strict UTF-8; NUL bytes and invalid sequences mean a binary file, reported where they start. */
    private static String decode(String name, byte[] bytes, List<Problem> problems) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                int[] at = position(bytes, i);
                problems.add(new Problem(
                        name, at[0], at[1], "", "binary file: NUL byte at offset " + i, "a spec is UTF-8 text"));
                return null;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int[] at = position(bytes, offset);
            problems.add(new Problem(
                    name,
                    at[0],
                    at[1],
                    "",
                    "not UTF-8 text: invalid byte 0x" + String.format("%02x", bytes[offset] & 0xff) + " at offset "
                            + offset,
                    "save the file as UTF-8"));
            return null;
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException ignored) {
            // flush after a complete decode cannot fail; nothing is pending
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** 1-based line and column of a byte offset, counting columns in bytes (good enough before decoding fails). */
    private static int[] position(byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static boolean isBlankOrComments(String text) {
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.equals("---") && !trimmed.equals("...")) {
                return false;
            }
        }
        return true;
    }

    /** YAML forbids tabs in indentation; SnakeYAML's message for it is obscure, so say it plainly, per line. */
    private static boolean tabIndentation(String name, String text, List<Problem> problems) {
        String[] lines = text.split("\n", -1);
        int found = 0;
        for (int i = 0; i < lines.length && found < MAX_TAB_PROBLEMS; i++) {
            String line = lines[i];
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch == '\t') {
                    problems.add(new Problem(
                            name,
                            i + 1,
                            c + 1,
                            "",
                            "tab character used for indentation",
                            "YAML indents with spaces only; replace the tab with spaces"));
                    found++;
                    break;
                }
                if (ch != ' ' && ch != '-') {
                    break;
                }
            }
        }
        return found > 0;
    }

    private static <T> Validated<T> tooLarge(String name, long size) {
        return Validated.invalid(List.of(new Problem(
                name,
                1,
                1,
                "",
                String.format("the file is %.1f MiB; a spec is at most 1 MiB", size / (1024.0 * 1024.0)),
                "is this the right file? a release-pilot.yml is a few kilobytes")));
    }

    private static <T> Validated<T> fileProblem(String name, String message, String hint) {
        return Validated.invalid(List.of(new Problem(name, 0, 0, "", message, hint)));
    }
}
