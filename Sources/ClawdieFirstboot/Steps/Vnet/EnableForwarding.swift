import FirstbootEngine

/// `enable-forwarding`: IP forwarding on now (`net.inet.ip.forwarding=1`) and at every boot
/// (`gateway_enable=YES`): VNET jails' traffic is routed through the host and NATed, which
/// plain jails sharing the host's stack never needed.
struct EnableForwarding: Step {
    let id = StepID.enableForwarding
    let phase = Phase.vnet
    var requires: [StepID] { [.enablePF] }
    var settings: Settings

    static let sysctl = "/sbin/sysctl"

    /// The phase's first step checks every jail network of the phase against the host's
    /// addresses, so a clash stops the phase before any of it changes the host.
    func checkPreconditions(in context: StepContext) throws {
        try HostNetworks.requireFree(settings, phase: phase, on: HostObserver(host: context.host))
    }

    func changes(in context: StepContext) throws -> [Change] {
        var changes = try RCConfKeys.changes([("gateway_enable", "YES")], on: context.host)
        if try forwarding(context) != "1" {
            changes.append(.run(argv: [Self.sysctl, "net.inet.ip.forwarding=1"], undo: .command([Self.sysctl, "net.inet.ip.forwarding=0"])))
        }
        return changes
    }

    func verify(in context: StepContext) throws {
        guard try forwarding(context) == "1" else {
            throw StepRefusal("`sysctl -n net.inet.ip.forwarding` is not 1")
        }
    }

    private func forwarding(_ context: StepContext) throws -> String {
        try HostObserver(host: context.host).run([Self.sysctl, "-n", "net.inet.ip.forwarding"]).stdoutText
            .trimmingWhitespaceAndNewlines()
    }
}

extension StepID {
    static let enableForwarding = StepID("enable-forwarding")
}
