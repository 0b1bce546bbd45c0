// Shared plumbing of the Release Pilot shared library: runs the CLI jar and maps its exit code once.
// Exit codes (docs/jenkins.md): 0 pass, 1 gate failed or rolled back, 2 bad input, 3 infrastructure.
// `warningExitUnstable`: releaseGate passes `--warning-exit-code 4` and maps 4 to UNSTABLE (a WARNING verdict).

def call(String command, List<String> args, Map opts = [:]) {
    String jar = opts.jar ?: env.RELEASE_PILOT_JAR ?: 'release-pilot.jar'
    List<String> cmd = ['java', '-jar', jar, command] + args
    int rc = sh(script: cmd.collect { shellQuote(it) }.join(' '), returnStatus: true)
    switch (rc) {
        case 0:
            return 'OK'
        case 4:
            if (opts.warningExitUnstable) {
                unstable("Release Pilot: ${command}: WARNING")
                return 'WARNING'
            }
            break
        case 1:
            error("Release Pilot: ${command}: gate failed or release rolled back (exit 1)")
        case 2:
            error("Release Pilot: ${command}: invalid input, see the log above (exit 2)")
        case 3:
            error("Release Pilot: ${command}: a service was unreachable (exit 3)")
    }
    error("Release Pilot: ${command}: unexpected exit code ${rc}")
}

@NonCPS
private static String shellQuote(String s) {
    return "'" + s.replace("'", "'\"'\"'") + "'"
}
