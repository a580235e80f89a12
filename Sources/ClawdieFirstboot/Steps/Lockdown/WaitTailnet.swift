import FirstbootEngine

/// `wait-tailnet`: waits, at most `tailnet_wait` seconds, until the Tailscale backend is
/// `Running` and tailscale0 has an address. It changes nothing: it is the gate in front of
/// the firewall change.
struct WaitTailnet: Step {
    let id = StepID.waitTailnet
    let phase = Phase.lockdown
    var requires: [StepID] { [.tailscaleUp] }
    var settings: Settings

    func checkPreconditions(in context: StepContext) throws {
        let facts = TailscaleFacts(host: context.host)
        let tailnet = "the tailnet (backend Running, an address on \(TailscaleFacts.interface))"
        var missing: String?
        do {
            try context.waitUntil(tailnet, timeout: Double(settings.tailnetWait)) {
                missing = try facts.whatIsMissing()
                return missing == nil
            }
        } catch let refusal as StepRefusal {
            // While planning nothing has been started yet: say what apply will do, not what to check.
            if context.isPlanning {
                throw StepRefusal("apply waits up to \(settings.tailnetWait) s (tailnet_wait) for \(tailnet); now: \(missing ?? "unknown")",
                                  awaitsReadiness: refusal.awaitsReadiness)
            }
            throw StepRefusal("\(refusal.message): \(missing ?? "unknown"); check `tailscale status`")
        }
    }

    func changes(in context: StepContext) throws -> [Change] { [] }
}

extension StepID {
    static let waitTailnet = StepID("wait-tailnet")
}
