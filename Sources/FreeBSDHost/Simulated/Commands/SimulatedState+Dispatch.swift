/// Which model answers which program. Paths are FreeBSD's absolute ones.
extension SimulatedState {
    mutating func execute(_ argv: [String]) throws(Unmodelled) -> CommandOutput {
        let args = Array(argv.dropFirst())
        switch argv[0] {
        case "/sbin/route": return try route(args)
        case "/sbin/ifconfig": return try ifconfig(args)
        case "/usr/sbin/sysrc": return try sysrc(args)
        case "/sbin/kldstat": return try kldstat(args)
        case "/sbin/kldload": return try kldload(args)
        case "/sbin/kldunload": return try kldunload(args)
        case "/sbin/pfctl": return try pfctl(args)
        case "/usr/sbin/service": return try service(args)
        case "/usr/sbin/pkg", "/usr/local/sbin/pkg": return try pkg(args)
        case "/sbin/sysctl": return try sysctl(args)
        case TailscalePackage.clientPath: return try tailscaleCLI(args)
        default: throw Unmodelled()
        }
    }

    /// Programs that exist only once a package installed them: running one that is absent
    /// fails to start, as on a real host.
    func isInstalledProgram(_ path: String) -> Bool {
        !path.hasPrefix("/usr/local/") || path == "/usr/local/sbin/pkg" && packages["pkg"] != nil || files[path] != nil
    }
}
