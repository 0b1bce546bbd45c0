// releaseGate(environment: 'staging', reports: 'target/surefire-reports/*.xml', spec: 'release-pilot.yml')
// Same step name and arguments as the plugin. WARNING → UNSTABLE, FAIL/INCONCLUSIVE → failure.
def call(Map args = [:]) {
    List<String> a = ['--spec', args.spec ?: 'release-pilot.yml', '--warning-exit-code', '4']
    if (args.environment) { a += ['--environment', args.environment] }
    if (args.reports) { args.reports.split(',').each { a += ['--report', it.trim()] } }  // sorted by content
    return releasePilotCli('gate', a, [warningExitUnstable: true]) == 'WARNING' ? 'WARNING' : 'PASS'
}
