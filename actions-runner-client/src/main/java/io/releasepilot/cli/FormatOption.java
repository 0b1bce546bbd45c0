package io.releasepilot.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --format} of every command that prints text or JSON, declared once ({@code @Mixin}, and the base of
 * {@link ReleaseOptions}). {@code gate} and {@code dora} also render Markdown and declare their own.
 */
class FormatOption {
    @Option(
            names = "--format",
            defaultValue = "text",
            converter = OutputFormat.TextOrJson.class,
            completionCandidates = OutputFormat.TextOrJson.class,
            description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    boolean json() {
        return format == OutputFormat.json;
    }
}
