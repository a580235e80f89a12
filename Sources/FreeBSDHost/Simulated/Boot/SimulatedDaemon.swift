/// A daemon the simulator runs, as data: its rc.d script, the rcvar that enables it, and what
/// its start and stop do to the host. rc.subr's part (the rcvar check, `one` prefixes, status
/// and restart, "Stopping NAME.") is the same for every daemon and lives in the service model;
/// a new daemon is one entry of `table`.
struct SimulatedDaemon: Sendable {
    /// The script's `name=`, which is also its file name.
    var name: String
    /// Where the script is: /etc/rc.d for the base system, /usr/local/etc/rc.d for a port.
    var path: String
    var rcvar: String
    /// The script's rcorder header, for a base script the real header table (BaseRCHeaders)
    /// does not have; nil when the header comes from that table or from the installed file.
    var header: RCScriptHeader?
    /// The package that installs the script; the daemon is modelled only while it is installed.
    var package: String?
    /// The daemon's pid while it runs.
    var pid: @Sendable (SimulatedState) -> Int?
    /// The script's start once rc.subr let it through, with what it prints.
    var start: @Sendable (inout SimulatedState) -> CommandOutput
    /// What the script does and prints after rc.subr's "Stopping NAME." and the wait for the pid.
    var stop: @Sendable (inout SimulatedState) -> CommandOutput
    /// What the boot report adds to "started NAME", if anything.
    var bootNote: @Sendable (SimulatedState) -> String? = { _ in nil }

    var isLocal: Bool { path.hasPrefix(SimulatedState.localRCDirectory + "/") }

    /// A base daemon started the rc.subr default way: `Starting NAME.`, a new pid, and on
    /// stop the process is gone.
    static func process(_ name: String, rcvar: String? = nil, header: RCScriptHeader? = nil) -> SimulatedDaemon {
        SimulatedDaemon(
            name: name, path: "/etc/rc.d/\(name)", rcvar: rcvar ?? "\(name)_enable", header: header, package: nil,
            pid: { $0.services[name] },
            start: { state in
                state.services[name] = state.allocatePID()
                return CommandOutput(stdout: "Starting \(name).\n")
            },
            stop: { state in
                state.services[name] = nil
                return CommandOutput()
            })
    }

    /// The tailscale port's tailscaled (security/tailscale/files/tailscaled.in): its start_cmd
    /// launches daemon(8) and prints nothing; the daemon creates tailscale0. The port's
    /// stop_postcmd destroys the interface and logs that with `logger -s`, which also writes
    /// to stderr.
    static let tailscaled = SimulatedDaemon(
        name: "tailscaled", path: TailscalePackage.rcScriptPath, rcvar: "tailscaled_enable", header: nil, package: "tailscale",
        pid: { $0.tailscale.daemonPID },
        start: { state in
            state.startTailscaled()
            return CommandOutput()
        },
        stop: { state in
            var output = CommandOutput()
            if state.interface(named: "tailscale0") != nil { output.err("tailscaled: Destroying tailscale0 adapter") }
            state.stopTailscaled()
            return output
        },
        bootNote: { state in
            let address = state.interface(named: "tailscale0")?.inet.first
            return address.map { "tailscale0 created with \($0)" } ?? "tailscale0 created without an address (\(state.tailscale.backendState))"
        })

    /// Every daemon the simulator models.
    static let table: [SimulatedDaemon] = [
        .process("devd"), .process("syslogd"), .process("ntpd"), .process("sshd"), .process("cron"),
        // rc.d/pflog's pflog0 and log file are not modelled: only that pflogd runs.
        .process("pflog"),
        tailscaled,
    ]
}

extension SimulatedDaemon: Equatable {
    // A daemon is its script: two entries for the same path are the same daemon.
    static func == (lhs: Self, rhs: Self) -> Bool { lhs.path == rhs.path && lhs.name == rhs.name }
}
