// releaseGate(environment: 'staging', reports: 'target/surefire-reports/*.xml', spec: 'release-pilot.yml')
// releaseGate(environment: 'staging', bypass: true, reason: '…'): asks for a bypass. The CLI cannot authenticate the
// name this library passes (any Jenkinsfile could run the jar with another), so it records it as self-asserted and
// refuses the bypass; an audited bypass by a user in gates.bypass.authority needs the plugin (docs/security.md).
// Same step name and arguments as the plugin. WARNING → UNSTABLE, FAIL/INCONCLUSIVE → failure.
def call(Map args = [:]) {
    List<String> a = ['--spec', args.spec ?: 'release-pilot.yml', '--warning-exit-code', '4']
    if (args.environment) { a += ['--environment', args.environment] }
    if (args.reports) { args.reports.split(',').each { a += ['--report', it.trim()] } }  // sorted by content
    if (args.bypass) {
        // The build's user asks, or 'jenkins' for a build no user started: recorded, self-asserted, in the audit.
        def causes = currentBuild.getBuildCauses('hudson.model.Cause$UserIdCause')
        String user = causes ? causes[0].userId : 'jenkins'
        a += ['--bypass', '--actor', user, '--reason', args.reason ?: '']
    }
    return releasePilotCli('gate', a, [warningExitUnstable: true]) == 'WARNING' ? 'WARNING' : 'PASS'
}
