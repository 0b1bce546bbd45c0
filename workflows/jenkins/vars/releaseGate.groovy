// releaseGate(environment: 'staging', reports: 'target/surefire-reports/*.xml', spec: 'release-pilot.yml')
// releaseGate(environment: 'staging', bypass: true, reason: '…'): an audited bypass for users in gates.bypass.authority
// Same step name and arguments as the plugin. WARNING → UNSTABLE, FAIL/INCONCLUSIVE → failure.
def call(Map args = [:]) {
    List<String> a = ['--spec', args.spec ?: 'release-pilot.yml', '--warning-exit-code', '4']
    if (args.environment) { a += ['--environment', args.environment] }
    if (args.reports) { args.reports.split(',').each { a += ['--report', it.trim()] } }  // sorted by content
    if (args.bypass) {
        // As the plugin: the build's user asks, or 'jenkins' for a build no user started.
        def causes = currentBuild.getBuildCauses('hudson.model.Cause$UserIdCause')
        String user = causes ? causes[0].userId : 'jenkins'
        a += ['--bypass', '--actor', user, '--reason', args.reason ?: '']
    }
    return releasePilotCli('gate', a, [warningExitUnstable: true]) == 'WARNING' ? 'WARNING' : 'PASS'
}
