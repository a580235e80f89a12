#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// service(8) and the rc.subr behaviour of the scripts it runs: the rcvar check ("Cannot
/// 'start' …", exit 0), `one` prefixes, default daemon start/stop/status messages, enable and
/// disable, `service -e`.
extension SimulatedState {
    ///
    /// - Parameter daemons: the daemons modelled: `SimulatedDaemon.table`, or in a test the
    ///   table with an entry of its own.
    mutating func service(_ args: [String], daemons: [SimulatedDaemon] = SimulatedDaemon.table) throws(Unmodelled) -> CommandOutput {
        if args == ["-e"] { return enabledServices(rcScripts(daemons: daemons)) }
        guard args.count == 2 else { throw Unmodelled() }
        guard let script = rcScript(named: args[0], daemons: daemons) else {
            var output = CommandOutput(status: 1)
            output.out("\(args[0]) does not exist in /etc/rc.d or the local startup")
            output.out("directories (\(Self.localRCDirectory)), or is not executable")
            return output
        }
        return try runRCCommand(script, args[1])
    }

    /// `service -e`: every script, in rcorder order, whose rcvar is enabled.
    private func enabledServices(_ rcScripts: [RCScript]) -> CommandOutput {
        let scripts = (try? RCOrder.order(scripts: rcScripts.map { ($0.path, $0.header) }, ties: rcorderTies))?.paths ?? []
        let byPath = Dictionary(rcScripts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var output = CommandOutput()
        for path in scripts {
            if let rcvar = byPath[path]?.rcvar, rcEnabled(rcvar) { output.out(path) }
        }
        return output
    }

    /// rc.subr's `run_rc_command` for a modelled script.
    mutating func runRCCommand(_ script: RCScript, _ rawCommand: String) throws(Unmodelled) -> CommandOutput {
        var command = rawCommand
        var forced = false
        // rc.subr's rc_quiet: `fast` (how /etc/rc starts scripts) and `quiet` omit the
        // "Cannot 'start'" line of a disabled script.
        var quiet = false
        for prefix in ["one", "force", "quiet", "fast"] where command.hasPrefix(prefix) && command.count > prefix.count {
            command.removeFirst(prefix.count)
            forced = prefix == "one" || prefix == "force"
            quiet = prefix == "quiet" || prefix == "fast"
        }
        let name = script.name
        let running = runningPID(of: script)
        switch command {
        case "enable", "disable":
            guard let rcvar = script.rcvar else { throw Unmodelled() }
            let value = command == "enable" ? "YES" : "NO"
            guard (try? editKey(rcvar, value: value, file: "/etc/rc.conf")) != nil else { throw Unmodelled() }
            return CommandOutput(stdout: "\(name) \(command)d in /etc/rc.conf\n")
        case "enabled":
            return CommandOutput(status: script.rcvar.map(rcEnabled) ?? true ? 0 : 1)
        case "rcvar":
            guard let rcvar = script.rcvar else { return CommandOutput() }
            return CommandOutput(stdout: "# \(name)\n#\n\(rcvar)=\"\(rcValue(rcvar) ?? "")\"\n#   (default: \"\(RCDefaults.values[rcvar] ?? "")\")\n")
        default:
            break
        }
        let exempt = command == "status" || (command == "stop" && running != nil)
        if let rcvar = script.rcvar, !forced, !exempt, !rcEnabled(rcvar) {
            if quiet { return CommandOutput() }
            return CommandOutput(stdout: "Cannot '\(command)' \(name). Set \(rcvar) to YES in /etc/rc.conf or use 'one\(command)' instead of '\(command)'.\n")
        }
        switch script.behavior {
        case .pf: return try pfScript(command)
        case .daemon(let daemon): return try daemonScript(daemon, command)
        case .pfReload:
            switch command {
            case "start", "restart": return pfReloadScript(program: script.path).output
            case "stop": return CommandOutput()
            // The script sets neither `command` nor `status_cmd`, so rc.subr has no status verb.
            default: return Self.unknownDirective(script, rawCommand, keywords: Self.standardVerbs)
            }
        case .placeholder, .netif, .routing, .unmodelled, .unlisted, .bootHook:
            throw Unmodelled()
        }
    }

    /// The verbs run_rc_command knows for every script (rc.subr `_keywords`).
    static let standardVerbs = ["start", "stop", "restart", "rcvar", "enable", "disable", "delete", "enabled", "describe", "extracommands"]

    /// run_rc_command's answer to a verb the script does not have: the message and rc_usage
    /// on stderr, exit 1, whether or not the script is enabled.
    static func unknownDirective(_ script: RCScript, _ verb: String, keywords: [String]) -> CommandOutput {
        var output = CommandOutput(status: 1)
        output.err("\(script.path): unknown directive '\(verb)'.")
        output.err("Usage: \(script.path) [fast|force|one|quiet](\(keywords.joined(separator: "|")))")
        return output
    }

    func runningPID(of script: RCScript) -> Int? {
        guard case .daemon(let daemon) = script.behavior else { return services[script.name] }
        return daemon.pid(self)
    }

    private mutating func daemonScript(_ daemon: SimulatedDaemon, _ command: String) throws(Unmodelled) -> CommandOutput {
        let name = daemon.name
        let pidfile = "/var/run/\(name).pid"
        switch command {
        case "start":
            return startDaemon(daemon)
        case "stop":
            return stopDaemon(daemon)
        case "restart":
            var output = daemon.pid(self) == nil
                ? CommandOutput.failure("\(name) not running? (check \(pidfile)).")
                : stopDaemon(daemon)
            output.append(startDaemon(daemon))
            return output
        case "status":
            if let pid = daemon.pid(self) { return CommandOutput(stdout: "\(name) is running as pid \(pid).\n") }
            return CommandOutput(stdout: "\(name) is not running.\n", status: 1)
        default:
            throw Unmodelled()
        }
    }

    mutating func startDaemon(_ daemon: SimulatedDaemon) -> CommandOutput {
        if let pid = daemon.pid(self) {
            return .failure("\(daemon.name) already running? (pid=\(pid)).")
        }
        return daemon.start(&self)
    }

    private mutating func stopDaemon(_ daemon: SimulatedDaemon) -> CommandOutput {
        guard let pid = daemon.pid(self) else {
            return .failure("\(daemon.name) not running? (check /var/run/\(daemon.name).pid).")
        }
        var output = CommandOutput(stdout: "Stopping \(daemon.name).\nWaiting for PIDS: \(pid).\n")
        output.append(daemon.stop(&self))
        return output
    }
}
