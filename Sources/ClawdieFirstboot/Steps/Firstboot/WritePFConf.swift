#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FirstbootEngine
import FreeBSDHost

/// `write-pf-conf`: renders `/etc/pf.conf` from the platform's firewall policy and replaces the
/// live file only after the candidate passes `pfctl -nf` and the lockout check. An operator's
/// own pf.conf is backed up first. When pf is running, the new rules are loaded at once.
struct WritePFConf: Step {
    let id = StepID.writePFConf
    let phase = Phase.firstboot
    var requires: [StepID] { [.detectExternalInterface] }
    var settings: Settings

    static let backupPath = FreeBSDPaths.pfConf + ".pre-clawdie"

    /// One ruleset, whichever phase renders it: after lockdown or vnet this step keeps their
    /// rules rather than reopening SSH or dropping the jail table.
    func checkPreconditions(in context: StepContext) throws {
        try PlatformFirewall(settings, context: context).requireManagementPath(settings)
    }

    func changes(in context: StepContext) throws -> [Change] {
        let observer = HostObserver(host: context.host)
        let firewall = try PlatformFirewall(settings, context: context)
        let text = firewall.text
        let current = try observer.file(FreeBSDPaths.pfConf)
        let status = try context.host.stat(FreeBSDPaths.pfConf)
        guard current != text || status?.mode != 0o644 || status?.owner != .root else { return [] }
        var changes: [Change] = []
        if let current, let backup = try backupPath(for: current, in: context) {
            changes.append(.writeFile(path: backup, contents: Data(current.utf8), mode: status?.mode ?? 0o644,
                                      owner: status?.owner ?? .root))
        }
        return changes + (try firewall.installation(observer).changes)
    }

    func summary(in context: StepContext) throws -> String? {
        guard let current = try HostObserver(host: context.host).file(FreeBSDPaths.pfConf), !Self.isOurs(current),
              let backup = try backupPath(for: current, in: context) else { return nil }
        return "the operator's /etc/pf.conf is kept as \(backup)"
    }

    /// Where an operator's pf.conf goes before it is replaced; nil when the file is ours or
    /// already backed up. An older backup with other contents is never overwritten.
    private func backupPath(for current: String, in context: StepContext) throws -> String? {
        guard !Self.isOurs(current) else { return nil }
        for index in 1... {
            let path = index == 1 ? Self.backupPath : Self.backupPath + ".\(index)"
            guard let existing = try context.host.readFile(path) else { return path }
            if existing == Data(current.utf8) { return nil }
        }
        preconditionFailure("unreachable")
    }

    static func isOurs(_ text: String) -> Bool {
        text.hasPrefix(PFConfRenderer.header)
    }
}

extension StepID {
    static let writePFConf = StepID("write-pf-conf")
}
