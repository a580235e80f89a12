import FirstbootEngine
import FreeBSDHost

/// Reads what the platform's steps need to know about a FreeBSD host, through the host seam,
/// with the parsers. Only observes: it runs read-only commands.
struct HostObserver {
    var host: any TargetHost

    /// Runs a read-only command.
    func run(_ argv: [String]) throws -> CommandResult {
        try host.run(Command(argv, timeout: 30))
    }

    /// The interface of the default route, or nil when there is none. FreeBSD's own
    /// network.subr reads the `interface:` line and ignores the exit status; so does this.
    func defaultRouteInterface() throws -> String? {
        let result = try run([FreeBSDPaths.route, "-n", "get", "default"])
        return try DefaultRoute.parse(result.stdoutText)?.interface
    }

    /// Names of every interface (`ifconfig -l`).
    func interfaceNames() throws -> [String] {
        let result = try run([FreeBSDPaths.ifconfig, "-l"])
        guard result.succeeded else {
            throw StepRefusal("`ifconfig -l` failed: \(result.firstErrorLine)")
        }
        return try InterfaceList.parse(result.stdoutText)
    }

    /// What `ifconfig NAME` says of an interface, or nil when it does not exist.
    func interface(_ name: String) throws -> InterfaceInfo? {
        let result = try run([FreeBSDPaths.ifconfig, name])
        if IfconfigOutput.absentInterface(inStderr: result.stderrText) != nil { return nil }
        guard result.succeeded else {
            throw StepRefusal("`ifconfig \(name)` failed: \(result.firstErrorLine)")
        }
        return try IfconfigOutput.parse(result.stdoutText).first { $0.name == name }
    }

    /// Whether pf is enabled now; false when its kernel module is not even loaded.
    func pfEnabled() throws -> Bool {
        let result = try run([FreeBSDPaths.pfctl, "-s", "info"])
        guard result.succeeded else { return false }
        return try PFStatus.parse(result.stdoutText).enabled
    }

    /// Whether a new /etc/pf.conf must be loaded at once: pf runs now, or rc.conf enables it
    /// (as it will be by the time the step runs, when an earlier step of the same plan sets
    /// it — so a plan lists the same reload its apply will make).
    func pfRulesLoadedFromFile() throws -> Bool {
        try pfEnabled() || rcValue("pf_enable") == "YES"
    }

    /// Whether pf has the table loaded now.
    func tableLoaded(_ name: String) throws -> Bool {
        try run([FreeBSDPaths.pfctl, "-t", name, "-T", "show"]).succeeded
    }

    /// Whether the pf kernel module is loaded (`kldstat -q -m pf`, as rc.subr's load_kld asks).
    func pfModuleLoaded() throws -> Bool {
        try run([FreeBSDPaths.kldstat, "-q", "-m", "pf"]).succeeded
    }

    /// The loaded rules (`pfctl -s rules`, one parsed rule a line), empty when pf is not loaded.
    func loadedRules() throws -> [LoadedPFRule] {
        let result = try run([FreeBSDPaths.pfctl, "-s", "rules"])
        return result.succeeded ? LoadedPFRule.parse(result.stdoutText) : []
    }

    /// Every assignment in /etc/rc.conf, in file order.
    func rcAssignments() throws -> [RCConfDocument.Assignment] {
        guard let text = try file(FreeBSDPaths.rcConf) else { return [] }
        do {
            return try RCConfDocument(text: text, path: FreeBSDPaths.rcConf).assignments
        } catch {
            throw StepRefusal(error.description, cause: error)
        }
    }

    func rcValue(_ key: String) throws -> String? {
        try host.readKey(key, inFile: FreeBSDPaths.rcConf)
    }

    func file(_ path: String) throws -> String? {
        try host.readFile(path).map { String(decoding: $0, as: UTF8.self) }
    }
}
