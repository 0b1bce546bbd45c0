// blueGreenCutover(environment: 'production', version: '1.4.0', spec: 'release-pilot.yml') or blueGreenCutover('production')
// Same step name and arguments as the plugin. Exit 1 (rolled back / gate failed) fails the build.
// Unlike the plugin step, a controller restart kills the CLI process: use the plugin for restart survival.
def call(String environment) { call(environment: environment) }

def call(Map args) {
    List<String> a = ['--spec', args.spec ?: 'release-pilot.yml', '--environment', args.environment]
    if (!args.version) { error("Release Pilot: blueGreenCutover: 'version' is required") }
    a += ['--release-version', args.version]
    releasePilotCli('blue-green', a)
    return 'COMPLETED'
}
