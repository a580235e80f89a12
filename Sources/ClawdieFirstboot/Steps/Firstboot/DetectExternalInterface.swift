import FirstbootEngine

/// `detect-ext-if`: finds the external interface from the default route (or checks the one the
/// operator named). It changes nothing; it stops the run before anything changes when there
/// is no usable external interface, since every later step builds on it.
struct DetectExternalInterface: Step {
    let id = StepID.detectExternalInterface
    let phase = Phase.firstboot
    let requires: [StepID] = []
    var settings: Settings

    func checkPreconditions(in context: StepContext) throws {
        _ = try ExternalInterface.resolve(settings, on: HostObserver(host: context.host))
    }

    func changes(in context: StepContext) throws -> [Change] { [] }

    func summary(in context: StepContext) throws -> String? {
        let name = try ExternalInterface.resolve(settings, on: HostObserver(host: context.host))
        switch settings.externalInterface {
        case .auto: return "external interface \(name) (from the default route)"
        case .named: return "external interface \(name) (from ext_if)"
        }
    }
}

extension StepID {
    static let detectExternalInterface = StepID("detect-ext-if")
}
