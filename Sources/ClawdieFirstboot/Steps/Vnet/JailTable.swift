import FirstbootEngine

/// `jail-table`: the pf table `<clawdie_jails>` holding every jail network, declared in
/// `/etc/pf.conf` and used by the NAT and jail rules, so adding a jail network changes one
/// table. The file is re-rendered from the one firewall policy — keeping lockdown's rules when
/// they are in place — checked with `pfctl -nf` and the evaluator (SSH on the management path
/// still passes), and loaded.
struct JailTable: Step {
    let id = StepID.jailTable
    let phase = Phase.vnet
    var requires: [StepID] { [.createJailLoopback, .extraBridges] }
    var settings: Settings

    func checkPreconditions(in context: StepContext) throws {
        try PlatformFirewall(settings, context: context, jailTable: true).requireManagementPath(settings)
    }

    func changes(in context: StepContext) throws -> [Change] {
        let firewall = try PlatformFirewall(settings, context: context, jailTable: true)
        let observer = HostObserver(host: context.host)
        guard try observer.file(FreeBSDPaths.pfConf) != firewall.text else { return [] }
        var (changes, reloads) = try firewall.installation(observer)
        if reloads {
            if try !observer.tableLoaded(settings.jailTable) {
                changes.append(PersistentTable(name: settings.jailTable).listing)
            }
        }
        return changes
    }

    func verify(in context: StepContext) throws {
        try PersistentTable(name: settings.jailTable).requireLoaded(settings.jailNetworks, observer: HostObserver(host: context.host))
    }

    func summary(in context: StepContext) throws -> String? {
        "<\(settings.jailTable)>: " + settings.jailNetworks.map(\.description).joined(separator: ", ")
    }
}

extension StepID {
    static let jailTable = StepID("jail-table")
}
