import FirstbootEngine

/// `lockdown-pf`: switches `/etc/pf.conf` to the locked-down ruleset — SSH and VNC only on
/// tailscale0, blocked on the external interface, WireGuard let in — and loads it.
///
/// It cannot lock the operator out: it runs only while the tailnet is live, it refuses a
/// candidate ruleset on which the evaluator does not pass SSH arriving on tailscale0, the
/// candidate must pass `pfctl -nf`, and after loading a self-test (rules loaded, SSH on
/// tailscale0 passing, tailnet still Running) must pass or the engine puts the old rules back.
/// With a confirmation window the change is also reverted unless `confirm` comes in time.
struct LockdownPF: Step {
    let id = StepID.lockdownPF
    let phase = Phase.lockdown
    var requires: [StepID] { [.waitTailnet] }
    var settings: Settings

    func firewall(in context: StepContext) throws -> PlatformFirewall {
        try PlatformFirewall(settings, context: context, lockedDown: true)
    }

    func checkPreconditions(in context: StepContext) throws {
        if let missing = try TailscaleFacts(host: context.host).whatIsMissing() {
            throw StepRefusal("no live tailnet (\(missing)); SSH would have no way in after lockdown")
        }
        try firewall(in: context).requireManagementPath(settings)
    }

    func changes(in context: StepContext) throws -> [Change] {
        let firewall = try firewall(in: context)
        let observer = HostObserver(host: context.host)
        guard try observer.file(FreeBSDPaths.pfConf) != firewall.text else { return [] }
        return try firewall.installation(observer).changes
    }

    /// The self-test after loading.
    func verify(in context: StepContext) throws {
        let observer = HostObserver(host: context.host)
        guard try observer.pfEnabled(), try observer.loadedRules().contains(where: { $0.action == "pass" && $0.interface == TailscaleFacts.interface }) else {
            throw StepRefusal("the locked-down rules are not loaded (`pfctl -s rules` shows no rule on \(TailscaleFacts.interface))")
        }
        guard let loaded = try observer.file(FreeBSDPaths.pfConf) else {
            throw StepRefusal("\(FreeBSDPaths.pfConf) is gone")
        }
        try LockoutCheck.requirePasses(loaded, path: FreeBSDPaths.pfConf, interface: TailscaleFacts.interface,
                                       port: settings.sshPort, what: "SSH over the tailnet")
        if let missing = try TailscaleFacts(host: context.host).whatIsMissing() {
            throw StepRefusal("the tailnet went away after the rules were loaded (\(missing))")
        }
    }
}

extension StepID {
    static let lockdownPF = StepID("lockdown-pf")
}
