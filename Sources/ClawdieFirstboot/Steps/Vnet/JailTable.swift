import FirstbootEngine

/// `jail-table`: the pf table `<clawdie_jails>` holding every jail network, declared in
/// `/etc/pf.conf` and used by the NAT and jail rules, so adding a jail network changes one
/// table. The file is re-rendered from the one firewall policy — keeping lockdown's rules when
/// they are in place — checked with `pfctl -nf` and the evaluator (SSH on the management path
/// still passes), and loaded.
struct JailTable: Step {
    static let stepID = "jail-table"
    let id = JailTable.stepID
    let phase = Phase.vnet
    var requires: [String] { ["create-jail-loopback", "extra-bridges"] }
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
            // A persistent table stays in the kernel after the rules that declared it are
            // replaced: undoing the step must kill it. Listing it is the step's last act; its
            // undo, the first of the rollback, removes the table before the old rules return.
            if try !observer.tableLoaded(settings.jailTable) {
                changes.append(.run(argv: [FreeBSDPaths.pfctl, "-t", settings.jailTable, "-T", "show"],
                                    undo: .commandUnlessUndone([FreeBSDPaths.pfctl, "-t", settings.jailTable, "-T", "kill"],
                                                               alreadyUndone: "Table does not exist")))
            }
        }
        return changes
    }

    func verify(in context: StepContext) throws {
        let result = try HostObserver(host: context.host).run([FreeBSDPaths.pfctl, "-t", settings.jailTable, "-T", "show"])
        let entries = result.succeeded ? result.stdoutText.split(separator: "\n").map { $0.trimmingWhitespace() } : []
        for network in settings.jailNetworks where !entries.contains(network.description) {
            throw StepRefusal("`pfctl -t \(settings.jailTable) -T show` does not list \(network)")
        }
    }

    func summary(in context: StepContext) throws -> String? {
        "<\(settings.jailTable)>: " + settings.jailNetworks.map(\.description).joined(separator: ", ")
    }
}
