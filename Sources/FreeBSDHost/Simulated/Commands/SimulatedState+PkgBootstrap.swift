/// /usr/sbin/pkg, the bootstrap shim of the base system (usr.sbin/pkg/pkg.c @d6fade84): until
/// pkg itself is installed (the profile's `packages` has no `pkg`), every command goes through
/// bootstrap. Only ASSUME_ALWAYS_YES (environment or pkg.conf) answers its question — a `-y`
/// on the command line is not consulted — and with stdin not a tty (always so here: children
/// get /dev/null) it refuses instead of asking. Once pkg is installed it runs
/// /usr/local/sbin/pkg with the same arguments.
extension SimulatedState {
    static let pkgVersion = "2.1.2"
    static let pkgPath = "/usr/local/sbin/pkg"

    static let notInstalledNonInteractive = """
        The package management tool is not yet installed on your system.
        Please set ASSUME_ALWAYS_YES=yes environment variable to be able to bootstrap in non-interactive (stdin not being a tty)

        """

    var pkgBootstrapped: Bool { packages["pkg"] != nil }

    mutating func pkgBootstrapShim(_ args: [String], environment: [String: String]) throws(Unmodelled) -> CommandOutput {
        let bootstrapOnly = args.first == "bootstrap"
        guard !pkgBootstrapped else {
            if bootstrapOnly { return CommandOutput(stdout: "pkg already bootstrapped at \(Self.pkgPath)\n") }
            return try pkg(args)
        }
        // `pkg -N` is the reliable "is pkg set up" test: it never bootstraps.
        if args.first == "-N" { return .failure("pkg: pkg is not installed") }
        if args.first == "add" { throw Unmodelled() }
        let yes = ["yes", "true", "on", "1"].contains((environment["ASSUME_ALWAYS_YES"] ?? "").lowercased())
        guard yes else { return CommandOutput(stderr: Self.notInstalledNonInteractive, status: 1) }
        var output = CommandOutput()
        let major = PFRuleFormatter.major(freebsdVersion)
        output.out("Bootstrapping pkg from pkg+https://pkg.FreeBSD.org/FreeBSD:\(major):amd64/quarterly, please wait...")
        output.out("Verifying signature with trusted certificate pkg.freebsd.org.2013102301... done")
        output.out("Installing pkg-\(Self.pkgVersion)...")
        output.out("Extracting pkg-\(Self.pkgVersion): .......... done")
        packages["pkg"] = Self.pkgVersion
        if bootstrapOnly { return output }
        output.append(try pkg(args))
        return output
    }
}
