import FirstbootEngine

/// `enable-tailscaled`: `tailscaled_enable=YES` and the daemon started, then verified running
/// with `service tailscaled status` — `service … start` exits 0 even when it did nothing.
struct EnableTailscaled: EnablesService {
    let id = StepID.enableTailscaled
    let phase = Phase.lockdown
    var requires: [StepID] { [.installTailscale] }
    let service = "tailscaled"
    var settings: Settings

    // Before install-tailscale has run there is no rc.d script to ask.
    func serviceRunning(in context: StepContext) throws -> Bool {
        try TailscaleFacts(host: context.host).daemonRunning()
    }
}

extension StepID {
    static let enableTailscaled = StepID("enable-tailscaled")
}
