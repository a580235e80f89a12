import FirstbootEngine

/// `extra-bridges`: the further agent bridges (`warden1`, `warden2`, …) for VNET jails, each
/// with the /24 the operator assigned, created now and at every boot. enable-forwarding, the
/// phase's first step, has already checked their networks against the host's addresses.
struct ExtraBridges: CreatesClonedInterfaces {
    let id = StepID.extraBridges
    let phase = Phase.vnet
    var requires: [StepID] { [.createBridge] }
    var settings: Settings

    var interfaces: [ClonedInterface] {
        settings.extraBridges.map { ClonedInterface(cloner: "bridge", group: "bridge", name: $0.name, address: $0.address, setting: "extra_bridges") }
    }

    func summary(in context: StepContext) throws -> String? {
        settings.extraBridges.isEmpty ? "no extra bridges configured" : settings.extraBridges.map(\.description).joined(separator: ", ")
    }
}

extension StepID {
    static let extraBridges = StepID("extra-bridges")
}
