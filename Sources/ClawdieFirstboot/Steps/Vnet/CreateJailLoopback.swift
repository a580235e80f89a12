import FirstbootEngine

/// `create-jail-loopback`: the cloned loopback for jails (`clawdie0`), created now and at every
/// boot, with its address when the configuration gives one.
struct CreateJailLoopback: CreatesClonedInterfaces {
    let id = "create-jail-loopback"
    let phase = Phase.vnet
    var requires: [String] { ["enable-pf"] }
    var settings: Settings

    var interfaces: [ClonedInterface] {
        [ClonedInterface(cloner: "lo", group: "lo", name: settings.jailLoopback, address: settings.jailLoopbackAddress,
                         setting: "jail_loopback")]
    }

    func checkPreconditions(in context: StepContext) throws {
        if let address = settings.jailLoopbackAddress {
            try HostNetworks.requireFree([("jail_loopback_address", address)], on: HostObserver(host: context.host),
                                         except: [settings.jailLoopback])
        }
    }

    func summary(in context: StepContext) throws -> String? {
        "jail loopback \(settings.jailLoopback)" + (settings.jailLoopbackAddress.map { " at \($0)" } ?? " without an address")
    }
}
