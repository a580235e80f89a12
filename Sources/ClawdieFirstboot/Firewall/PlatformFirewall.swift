import FirstbootEngine
import FreeBSDHost
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one rendering of `/etc/pf.conf` every phase writes: what the policy holds depends on
/// which phases' firewall steps are done, so that no phase undoes another's rules when it
/// re-renders the file.
struct PlatformFirewall {
    var text: String
    /// Where the operator comes in: the external interface, or tailscale0 after lockdown. The
    /// lockout check proves SSH passes here.
    var managementInterface: String

    /// - Parameters:
    ///   - lockedDown: force the lockdown rules (the step that applies them); nil: as the
    ///     journal says.
    ///   - jailTable: force the vnet jail table likewise.
    ///   - tailnetRoutes: force the subnet phase's rule for the advertised networks likewise.
    init(_ settings: Settings, context: StepContext, lockedDown: Bool? = nil, jailTable: Bool? = nil, tailnetRoutes: Bool? = nil) throws {
        let external = try ExternalInterface.resolve(settings, on: HostObserver(host: context.host))
        let locked = lockedDown ?? context.completedSteps.contains(StepID.lockdownPF)
        let jails = jailTable ?? context.completedSteps.contains(StepID.jailTable)
        let routed = tailnetRoutes ?? context.completedSteps.contains(StepID.subnetPF)
        text = PFConfRenderer.render(FirewallPolicy.make(settings, externalInterface: external, lockedDown: locked, jailTable: jails,
                                                         tailnetRoutes: routed ? settings.advertisedNetworks : []))
        managementInterface = locked ? TailscaleFacts.interface : external
    }

    /// The changes that put this rendering in place: `/etc/pf.conf` written (after a candidate
    /// copy passes `pfctl -nf`) and, when pf loads its rules from the file, loaded at once —
    /// undone by loading the restored file. `reloads` says whether the load is among them.
    ///
    /// pf keeps a `persist` table after the rules that declared it are replaced, but a boot
    /// loads only what the file declares: a table the file on disk declares and this
    /// rendering does not is killed after the load, so the rules in force are the rules the
    /// host boots to. Loading the restored file on rollback brings it back.
    func installation(_ observer: HostObserver) throws -> (changes: [Change], reloads: Bool) {
        var changes: [Change] = [.writeFile(path: FreeBSDPaths.pfConf, contents: Data(text.utf8), mode: 0o644, owner: .root,
                                            validate: [FreeBSDPaths.pfctl, "-nf", "{}"])]
        let reloads = try observer.pfRulesLoadedFromFile()
        if reloads {
            changes.append(.run(argv: [FreeBSDPaths.pfctl, "-f", FreeBSDPaths.pfConf], undo: .rerunAfterRestore))
            for table in try tablesDropped(observer) where try observer.tableLoaded(table) {
                changes.append(.run(argv: [FreeBSDPaths.pfctl, "-t", table, "-T", "kill"], undo: .nothing))
            }
        }
        return (changes, reloads)
    }

    /// The `persist` tables the file on disk declares and this rendering does not. A file
    /// that does not parse declares none this step can know of.
    private func tablesDropped(_ observer: HostObserver) throws -> [String] {
        guard let current = try observer.file(FreeBSDPaths.pfConf), current != text,
              let before = try? PFParser.parse(text: current, path: FreeBSDPaths.pfConf),
              let after = try? PFParser.parse(text: text, path: FreeBSDPaths.pfConf) else { return [] }
        let kept = Set(after.tables.map(\.name))
        return before.tables.filter { $0.persist && !kept.contains($0.name) }.map(\.name)
    }

    /// Throws unless SSH arriving on the management interface passes on this ruleset.
    func requireManagementPath(_ settings: Settings) throws {
        try LockoutCheck.requirePasses(text, path: FreeBSDPaths.pfConf, interface: managementInterface, port: settings.sshPort,
                                       what: managementInterface == TailscaleFacts.interface ? "SSH over the tailnet" : "SSH")
    }
}
