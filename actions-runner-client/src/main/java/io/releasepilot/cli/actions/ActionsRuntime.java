package io.releasepilot.cli.actions;

import io.releasepilot.core.InfrastructureException;
import io.releasepilot.core.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The GitHub Actions runner contract in one adapter: workflow commands on stdout ({@code ::add-mask::},
 * {@code ::error …::}, {@code ::group::}), step outputs and exported variables in the heredoc form of the environment
 * files, and the Markdown job summary. It makes no GitHub API calls (that is {@code GitHubFacade}'s job).
 *
 * <p>Outside Actions ({@link ActionsContext#inActions()} false) the same calls degrade to plain log lines, so commands
 * can use one code path on a laptop and on a runner.
 */
public final class ActionsRuntime implements AutoCloseable {

    /** Annotations printed per step; GitHub shows only a few per level anyway, the rest are counted. */
    public static final int MAX_ANNOTATIONS = 50;

    /** Size limit of one step's summary file; the runner refuses to upload anything larger. */
    public static final long SUMMARY_LIMIT_BYTES = 1024L * 1024L;

    private static final String NEWLINE = System.lineSeparator();

    private final ActionsContext context;
    private final PrintWriter out;
    private final boolean commands;
    private int annotationsPrinted;
    private int annotationsSuppressed;
    private long summaryBytesDropped;
    private boolean summaryTruncated;
    private boolean groupOpen;

    private ActionsRuntime(ActionsContext context, PrintWriter out) {
        this.context = context;
        this.out = out;
        this.commands = context.inActions();
    }

    /**
     * Opens the runtime and masks every secret of the context before anything else can be printed. Call it first in
     * the entry point, before the first log line.
     */
    public static ActionsRuntime start(ActionsContext context, PrintWriter out) {
        ActionsRuntime runtime = new ActionsRuntime(context, out);
        context.secrets().forEach(runtime::mask);
        out.flush();
        return runtime;
    }

    public ActionsContext context() {
        return context;
    }

    /** Hides a value in all later log lines and summaries; multi-line secrets are masked line by line. */
    public void mask(String secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        for (String line : secret.split("\\R")) {
            if (!line.isBlank()) {
                if (commands) {
                    out.println("::add-mask::" + escapeData(line));
                }
            }
        }
        out.flush();
    }

    /** Prints one line of our own output. Use {@link #logUntrusted} for text from elsewhere. */
    public void log(String line) {
        out.println(line);
        out.flush();
    }

    /**
     * Prints text from outside (an application's log, a tool's output) between {@code ::stop-commands::} markers, so a
     * line in it cannot inject a workflow command.
     */
    public void logUntrusted(String text) {
        if (!commands) {
            log(text);
            return;
        }
        String token = "rp-" + UUID.randomUUID();
        out.println("::stop-commands::" + token);
        out.println(text);
        out.println("::" + token + "::");
        out.flush();
    }

    public void debug(String message) {
        if (commands) {
            out.println("::debug::" + escapeData(message));
            out.flush();
        }
    }

    /** Opens a collapsible log section; groups do not nest, so an open group is closed first. */
    public void startGroup(String title) {
        if (groupOpen) {
            endGroup();
        }
        out.println(commands ? "::group::" + escapeData(title) : "== " + title);
        groupOpen = true;
        out.flush();
    }

    public void endGroup() {
        if (groupOpen && commands) {
            out.println("::endgroup::");
        }
        groupOpen = false;
        out.flush();
    }

    /** Runs {@code body} inside a log group that is closed even when it throws. */
    public <T> T group(String title, Supplier<T> body) {
        startGroup(title);
        try {
            return body.get();
        } finally {
            endGroup();
        }
    }

    public void group(String title, Runnable body) {
        group(title, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Prints an annotation, unless {@link #MAX_ANNOTATIONS} were printed already; those beyond are counted and
     * reported once by {@link #close()}.
     *
     * @return whether it was printed
     */
    public boolean annotate(Annotation annotation) {
        if (annotationsPrinted >= MAX_ANNOTATIONS) {
            annotationsSuppressed++;
            return false;
        }
        annotationsPrinted++;
        out.println(format(annotation, commands));
        out.flush();
        return true;
    }

    public int annotationsPrinted() {
        return annotationsPrinted;
    }

    public int annotationsSuppressed() {
        return annotationsSuppressed;
    }

    /** The workflow command (or, outside Actions, the plain line) for one annotation. */
    static String format(Annotation annotation, boolean asCommand) {
        if (!asCommand) {
            String where = annotation.file() == null
                    ? ""
                    : annotation.file() + (annotation.line() == null ? "" : ":" + annotation.line()) + ": ";
            String title = annotation.title() == null ? "" : annotation.title() + ": ";
            return annotation.level().command() + ": " + where + title + annotation.message();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (annotation.file() != null) {
            properties.put("file", annotation.file());
        }
        if (annotation.line() != null) {
            properties.put("line", annotation.line().toString());
        }
        if (annotation.endLine() != null) {
            properties.put("endLine", annotation.endLine().toString());
        }
        if (annotation.title() != null) {
            properties.put("title", annotation.title());
        }
        StringBuilder command =
                new StringBuilder("::").append(annotation.level().command());
        String separator = " ";
        for (Map.Entry<String, String> property : properties.entrySet()) {
            command.append(separator).append(property.getKey()).append('=').append(escapeProperty(property.getValue()));
            separator = ",";
        }
        return command.append("::").append(escapeData(annotation.message())).toString();
    }

    /** Escapes a command's message as actions/toolkit does: {@code %}, CR and LF. */
    public static String escapeData(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command property: as {@link #escapeData} plus {@code :} and {@code ,}. */
    public static String escapeProperty(String value) {
        return escapeData(value).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * Sets a step output in the heredoc form with a random delimiter that occurs neither in the name nor in the value,
     * so any content (newlines, {@code =}, {@code <<}) is safe. Outside Actions it is a no-op.
     */
    public void setOutput(String name, String value) {
        context.outputFile().ifPresent(file -> appendKeyValue(file, name, value));
    }

    /** Exports a variable to later steps of the job through {@code GITHUB_ENV}. */
    public void exportVariable(String name, String value) {
        context.environmentFile().ifPresent(file -> appendKeyValue(file, name, value));
    }

    static String keyValueRecord(String name, String value) {
        if (name == null || name.isBlank() || name.contains("\n") || name.contains("\r") || name.contains("=")) {
            throw new InvalidInputException("invalid output name '" + name + "'");
        }
        String text = value == null ? "" : value;
        String delimiter;
        do {
            delimiter = "ghadelimiter_" + UUID.randomUUID();
        } while (text.contains(delimiter) || name.contains(delimiter));
        return name + "<<" + delimiter + NEWLINE + text + NEWLINE + delimiter + NEWLINE;
    }

    private static void appendKeyValue(Path file, String name, String value) {
        append(file, keyValueRecord(name, value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends Markdown to the job summary. The step's file is capped at {@link #SUMMARY_LIMIT_BYTES}: what does not fit
     * is cut at a line end and replaced by a note saying how much was left out, because the runner drops an oversized
     * summary altogether. Outside Actions the Markdown is printed instead.
     */
    public void appendSummary(String markdown) {
        Optional<Path> summary = context.summaryFile();
        if (summary.isEmpty()) {
            if (!context.inActions()) {
                log(markdown);
            }
            return;
        }
        Path file = summary.get();
        byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
        if (summaryTruncated) {
            summaryBytesDropped += bytes.length;
            return;
        }
        long used = size(file);
        if (used + bytes.length <= SUMMARY_LIMIT_BYTES) {
            append(file, bytes);
            return;
        }
        long room =
                Math.max(0, SUMMARY_LIMIT_BYTES - used - noteFor(bytes.length).getBytes(StandardCharsets.UTF_8).length);
        String kept = fitting(bytes, (int) Math.min(room, bytes.length));
        int keptBytes = kept.getBytes(StandardCharsets.UTF_8).length;
        summaryTruncated = true;
        summaryBytesDropped = bytes.length - keptBytes;
        append(file, (kept + noteFor(summaryBytesDropped)).getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes of summary left out because of the size limit (0 when everything fitted). */
    public long summaryBytesDropped() {
        return summaryBytesDropped;
    }

    private static String noteFor(long droppedBytes) {
        return NEWLINE + NEWLINE + "> **Report truncated:** " + droppedBytes
                + " bytes (and anything after) left out; GitHub accepts at most 1 MiB of summary per step. "
                + "The full report is in the step's log." + NEWLINE;
    }

    // The longest prefix of at most maxBytes that is valid UTF-8, cut back to the last line end when there is one.
    private static String fitting(byte[] bytes, int maxBytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.IGNORE);
        CharBuffer chars = CharBuffer.allocate(maxBytes);
        decoder.decode(ByteBuffer.wrap(bytes, 0, maxBytes), chars, true);
        chars.flip();
        String prefix = chars.toString();
        if (!prefix.isEmpty() && Character.isHighSurrogate(prefix.charAt(prefix.length() - 1))) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        int lineEnd = prefix.lastIndexOf('\n');
        return lineEnd >= 0 ? prefix.substring(0, lineEnd + 1) : prefix;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new InfrastructureException("cannot read the size of runner file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void append(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new InfrastructureException("cannot write runner file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Closes an open group and reports the annotations that were not printed. */
    @Override
    public void close() {
        endGroup();
        if (annotationsSuppressed > 0) {
            out.println(format(
                    Annotation.notice(annotationsSuppressed + " more annotation(s) not shown (limit " + MAX_ANNOTATIONS
                                    + " per step); see the job summary and the log")
                            .withTitle("Release Pilot"),
                    commands));
        }
        out.flush();
    }
}
