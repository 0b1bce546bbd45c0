// releasePromote(environment: 'production', service: 'checkout', reason: '…', spec: 'release-pilot.yml') or releasePromote('production')
// Same step name and arguments as the plugin; calls `java -jar release-pilot.jar promote`.
def call(String environment) { call(environment: environment) }

def call(Map args) {
    List<String> a = ['--spec', args.spec ?: 'release-pilot.yml', '--environment', args.environment]
    // The service comes from the spec; the CLI requires a reason for the audit trail.
    a += ['--reason', args.reason ?: "requested by Jenkins build ${env.BUILD_URL ?: env.BUILD_TAG ?: 'unknown'}"]
    releasePilotCli('promote', a)
    return 'PROMOTED'
}
