// releaseRollback(environment: 'production', service: 'checkout', reason: '…', spec: 'release-pilot.yml') or releaseRollback('production')
// Same step name and arguments as the plugin; calls `java -jar release-pilot.jar rollback`.
def call(String environment) { call(environment: environment) }

def call(Map args) {
    List<String> a = ['--spec', args.spec ?: 'release-pilot.yml', '--environment', args.environment]
    if (args.service) { a += ['--service', args.service] }
    if (args.reason) { a += ['--reason', args.reason] }
    releasePilotCli('rollback', a)
    return 'ROLLED_BACK'
}
