package io.releasepilot.cli;

/** How the release commands report: lines for people, or one JSON document for a script. */
enum OutputFormat {
    text,
    json
}
