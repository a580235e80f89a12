import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `enable-pf`: pf on now and at every boot, with FreeBSD's fallback rules set so that a
/// broken `/etc/pf.conf` at a later boot leaves the host neither wide open nor unreachable.
/// It verifies `Status: Enabled` and the loaded rules: `service pf start` exits 0 even when it
/// did nothing, and `pfctl -e` exits 1 when pf is already on, so neither status is trusted.
struct EnablePF: Step {
    let id = StepID.enablePF
    let phase = Phase.firstboot
    var requires: [StepID] { [.writePFConf] }
    var settings: Settings

    /// The one-line fallback `rc.d/pf` uses if the fallback file is missing: new inbound TCP
    /// connections are dropped except to SSH.
    var fallbackLine: String { "block drop in quick proto tcp from any to any port != \(settings.sshPort) flags S/SA" }

    /// The fallback ruleset: everything inbound blocked except SSH.
    var fallbackFile: String {
        """
        # /etc/pf-fallback.conf - written by clawdie-firstboot.
        # rc.d/pf loads this only when /etc/pf.conf fails to load at boot, so that a broken
        # /etc/pf.conf leaves the host neither wide open nor unreachable: everything inbound
        # is blocked except SSH.
        set skip on lo0
        block in all
        pass out all keep state
        pass in proto tcp from any to any port \(settings.sshPort) keep state

        """
    }

    func checkPreconditions(in context: StepContext) throws {
        guard try context.host.readFile(FreeBSDPaths.pfConf) != nil else {
            throw StepRefusal("\(FreeBSDPaths.pfConf) does not exist; write-pf-conf must run first")
        }
        try LockoutCheck.requirePasses(fallbackFile, path: FreeBSDPaths.pfFallback, interface: "any0", port: settings.sshPort,
                                       what: "SSH under the fallback rules")
    }

    func changes(in context: StepContext) throws -> [Change] {
        let host = context.host
        var changes: [Change] = []
        let fallback = Data(fallbackFile.utf8)
        let status = try host.stat(FreeBSDPaths.pfFallback)
        if try host.readFile(FreeBSDPaths.pfFallback) != fallback || status?.mode != 0o644 || status?.owner != .root {
            changes.append(.writeFile(path: FreeBSDPaths.pfFallback, contents: fallback, mode: 0o644, owner: .root,
                                      validate: [FreeBSDPaths.pfctl, "-nf", "{}"]))
        }
        changes += try RCConfKeys.changes([
            ("pf_enable", "YES"), ("pf_rules", FreeBSDPaths.pfConf),
            ("pf_fallback_rules_enable", "YES"), ("pf_fallback_rules_file", FreeBSDPaths.pfFallback),
            ("pf_fallback_rules", fallbackLine),
        ], on: host)
        let observer = HostObserver(host: host)
        if try !observer.pfEnabled() {
            if try !observer.pfModuleLoaded() {
                // Unloading the module on undo also drops the rules loaded below.
                changes.append(.run(argv: [FreeBSDPaths.kldload, "pf"], undo: .commandUnlessUndone([FreeBSDPaths.kldunload, "pf"], alreadyUndone: "can't find file")))
            }
            changes += [
                .run(argv: [FreeBSDPaths.pfctl, "-f", FreeBSDPaths.pfConf], undo: .nothing),
                .run(argv: [FreeBSDPaths.pfctl, "-e"], undo: .commandUnlessUndone([FreeBSDPaths.pfctl, "-d"], alreadyUndone: "pf not enabled")),
            ]
        }
        return changes
    }

    func verify(in context: StepContext) throws {
        let observer = HostObserver(host: context.host)
        guard try observer.pfEnabled() else {
            throw StepRefusal("`pfctl -s info` does not say Status: Enabled")
        }
        guard try observer.loadedRules().contains(where: { $0.mentions(table: "bruteforce") }) else {
            throw StepRefusal("`pfctl -s rules` does not show the platform's rules (no <bruteforce> rule is loaded)")
        }
    }
}

extension StepID {
    static let enablePF = StepID("enable-pf")
}
