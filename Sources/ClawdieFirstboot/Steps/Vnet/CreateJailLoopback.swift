import FirstbootEngine

/// `create-jail-loopback`: the cloned loopback for jails (`clawdie0`), created now and at every
/// boot, with its address when the configuration gives one (checked against the host's
/// addresses by enable-forwarding, the phase's first step).
struct CreateJailLoopback: CreatesClonedInterfaces {
    let id = StepID.createJailLoopback
    let phase = Phase.vnet
    var requires: [StepID] { [.enablePF] }
    var settings: Settings

    var interfaces: [ClonedInterface] {
        [ClonedInterface(cloner: "lo", group: "lo", name: settings.jailLoopback, address: settings.jailLoopbackAddress,
                         setting: "jail_loopback")]
    }

    func summary(in context: StepContext) throws -> String? {
        "jail loopback \(settings.jailLoopback)" + (settings.jailLoopbackAddress.map { " at \($0)" } ?? " without an address")
    }
}

extension StepID {
    static let createJailLoopback = StepID("create-jail-loopback")
}
