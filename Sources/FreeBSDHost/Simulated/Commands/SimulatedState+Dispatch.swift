/// Which model answers which program. Paths are FreeBSD's absolute ones.
extension SimulatedState {
    /// Runs `argv` with `environment` (the child's exact environment, as the runner gives it).
    mutating func execute(_ argv: [String], environment: [String: String] = [:]) throws(Unmodelled) -> CommandOutput {
        let args = Array(argv.dropFirst())
        switch argv[0] {
        case "/usr/bin/env": return try env(args, environment: environment)
        case "/sbin/route": return try route(args)
        case "/sbin/ifconfig": return try ifconfig(args)
        case "/usr/sbin/sysrc": return try sysrc(args)
        case "/sbin/kldstat": return try kldstat(args)
        case "/sbin/kldload": return try kldload(args)
        case "/sbin/kldunload": return try kldunload(args)
        case "/sbin/pfctl": return try pfctl(args)
        case "/usr/sbin/service": return try service(args)
        case "/usr/sbin/pkg": return try pkgBootstrapShim(args, environment: environment)
        case "/usr/local/sbin/pkg": return try pkg(args)
        case "/sbin/sysctl": return try sysctl(args)
        case TailscalePackage.clientPath: return try tailscaleCLI(args)
        default: throw Unmodelled()
        }
    }

    /// env(1) with `NAME=VALUE` words and then a program: runs it with those added.
    private mutating func env(_ args: [String], environment: [String: String]) throws(Unmodelled) -> CommandOutput {
        var environment = environment
        var rest = args[...]
        while let word = rest.first, let equals = word.firstIndex(of: "="), equals != word.startIndex {
            environment[String(word[..<equals])] = String(word[word.index(after: equals)...])
            rest = rest.dropFirst()
        }
        guard let program = rest.first, program.hasPrefix("/") else { throw Unmodelled() }
        guard isInstalledProgram(program) else {
            return .failure("env: \(program): No such file or directory", status: 127)
        }
        return try execute(Array(rest), environment: environment)
    }

    /// Programs that exist only once a package installed them: running one that is absent
    /// fails to start, as on a real host.
    func isInstalledProgram(_ path: String) -> Bool {
        !path.hasPrefix("/usr/local/") || path == "/usr/local/sbin/pkg" && packages["pkg"] != nil || files[path] != nil
    }
}
