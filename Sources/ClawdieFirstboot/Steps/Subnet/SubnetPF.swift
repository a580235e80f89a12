import FirstbootEngine

/// `subnet-pf`: lets tailnet peers (100.64.0.0/10 and fd7a:115c:a1e0::/48, arriving on
/// tailscale0) reach the jail networks the host advertises as subnet routes, and nothing else:
/// `/etc/pf.conf` is re-rendered from the one firewall policy with the table
/// `<tailnet_routes>` and its one pass rule added, checked with `pfctl -nf` and by the lockout
/// check (SSH over the tailnet still passes), and loaded. It comes before the routes are
/// advertised, so a peer that sees a route finds the way open, and rollback withdraws the
/// routes before it closes the way.
///
/// It is held for confirmation like lockdown-pf when `apply --confirm-within` asks.
struct SubnetPF: Step {
    let id = StepID.subnetPF
    let phase = Phase.subnet
    /// Forwarding is the vnet phase's enable-forwarding: one step, required here, not a
    /// second copy. After jail-table, so pf.conf's writers stay in phase order.
    var requires: [StepID] { [.lockdownPF, .enableForwarding, .jailTable] }
    var settings: Settings

    func firewall(in context: StepContext) throws -> PlatformFirewall {
        try PlatformFirewall(settings, context: context, tailnetRoutes: true)
    }

    func checkPreconditions(in context: StepContext) throws {
        try firewall(in: context).requireManagementPath(settings)
    }

    func changes(in context: StepContext) throws -> [Change] {
        let firewall = try firewall(in: context)
        let observer = HostObserver(host: context.host)
        var (changes, reloads) = try firewall.installation(observer)
        // The table is declared by the new rules only: its absence from pf means they are not
        // loaded yet, as after a run that died between writing the file and loading it.
        let unloaded = try reloads && !settings.advertisedNetworks.isEmpty && !observer.tableLoaded(FirewallPolicy.tailnetRoutesTable)
        // With the routes turned off the rule and its table go: the installation kills the
        // table the file declared.
        guard try observer.file(FreeBSDPaths.pfConf) != firewall.text || unloaded else { return [] }
        if unloaded {
            changes.append(PersistentTable(name: FirewallPolicy.tailnetRoutesTable).listing)
        }
        return changes
    }

    /// The self-test after loading: SSH over the tailnet still passes on the rules in force.
    func verify(in context: StepContext) throws {
        let observer = HostObserver(host: context.host)
        guard let loaded = try observer.file(FreeBSDPaths.pfConf) else { throw StepRefusal("\(FreeBSDPaths.pfConf) is gone") }
        try LockoutCheck.requirePasses(loaded, path: FreeBSDPaths.pfConf, interface: TailscaleFacts.interface,
                                       port: settings.sshPort, what: "SSH over the tailnet")
        guard !settings.advertisedNetworks.isEmpty else { return }
        try PersistentTable(name: FirewallPolicy.tailnetRoutesTable).requireLoaded(settings.advertisedNetworks, observer: observer)
    }

    func summary(in context: StepContext) throws -> String? {
        settings.advertisedNetworks.isEmpty ? "tailscale_subnet_routes is empty: no subnet routes"
            : "tailnet peers may reach " + settings.advertisedNetworks.map(\.description).joined(separator: ", ")
    }
}

extension StepID {
    static let subnetPF = StepID("subnet-pf")
}
