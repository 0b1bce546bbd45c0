// releaseAbort(environment: 'production', service: 'checkout', reason: '…', spec: 'release-pilot.yml') or releaseAbort('production')
// Same step name and arguments as the plugin; calls `java -jar release-pilot.jar abort`.
def call(String environment) { call(environment: environment) }

def call(Map args) {
    List<String> a = ['--spec', args.spec ?: 'release-pilot.yml', '--environment', args.environment]
    if (args.service) { a += ['--service', args.service] }
    if (args.reason) { a += ['--reason', args.reason] }
    releasePilotCli('abort', a)
    return 'ABORTED'
}
