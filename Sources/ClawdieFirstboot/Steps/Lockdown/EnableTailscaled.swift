import FirstbootEngine

/// `enable-tailscaled`: `tailscaled_enable=YES` and the daemon started, then verified running
/// with `service tailscaled status` — `service … start` exits 0 even when it did nothing.
struct EnableTailscaled: Step {
    let id = "enable-tailscaled"
    let phase = Phase.lockdown
    var requires: [String] { ["install-tailscale"] }
    var settings: Settings

    func changes(in context: StepContext) throws -> [Change] {
        var changes: [Change] = []
        if try context.host.readKey("tailscaled_enable", inFile: FreeBSDPaths.rcConf) != "YES" {
            changes.append(.setKey(file: FreeBSDPaths.rcConf, key: "tailscaled_enable", value: "YES"))
        }
        if try !TailscaleFacts(host: context.host).daemonRunning() {
            changes.append(.run(argv: [FreeBSDPaths.service, "tailscaled", "start"],
                                undo: .commandUnlessUndone([FreeBSDPaths.service, "tailscaled", "onestop"], alreadyUndone: "not running")))
        }
        return changes
    }

    func verify(in context: StepContext) throws {
        guard try TailscaleFacts(host: context.host).daemonRunning() else {
            throw StepRefusal("`service tailscaled status` says tailscaled is not running")
        }
    }
}
