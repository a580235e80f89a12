import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `install-pf-reload`: installs `/usr/local/etc/rc.d/pf_reload` (mode 0555) and enables it.
/// After tailscaled at boot it waits for `tailscale0` and reloads pf, so rules naming
/// `tailscale0` bind to the real interface after a cold boot. Harmless without Tailscale.
struct InstallPFReload: Step {
    let id = StepID.installPFReload
    let phase = Phase.firstboot
    let requires: [StepID] = []
    var settings: Settings

    func changes(in context: StepContext) throws -> [Change] {
        let script = Data(EmbeddedScripts.pfReload.utf8)
        var changes: [Change] = []
        let status = try context.host.stat(FreeBSDPaths.pfReloadScript)
        if try context.host.readFile(FreeBSDPaths.pfReloadScript) != script || status?.mode != 0o555 || status?.owner != .root {
            changes.append(.writeFile(path: FreeBSDPaths.pfReloadScript, contents: script, mode: 0o555, owner: .root))
        }
        changes += try RCConfKeys.changes([("pf_reload_enable", "YES"), ("pf_reload_timeout", String(settings.pfReloadWait))],
                                          on: context.host)
        return changes
    }
}

extension StepID {
    static let installPFReload = StepID("install-pf-reload")
}
