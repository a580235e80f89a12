import FirstbootEngine

/// `create-jail-loopback`: the cloned loopback for jails (`clawdie0`), created now and at every
/// boot, with its address when the configuration gives one.
struct CreateJailLoopback: Step {
    let id = "create-jail-loopback"
    let phase = Phase.vnet
    var requires: [String] { ["enable-pf"] }
    var settings: Settings

    var loopback: ClonedInterface {
        ClonedInterface(cloner: "lo", group: "lo", name: settings.jailLoopback, address: settings.jailLoopbackAddress,
                        setting: "jail_loopback")
    }

    func checkPreconditions(in context: StepContext) throws {
        if let address = settings.jailLoopbackAddress {
            try HostNetworks.requireFree([("jail_loopback_address", address)], on: HostObserver(host: context.host),
                                         except: [settings.jailLoopback])
        }
    }

    func changes(in context: StepContext) throws -> [Change] {
        let observer = HostObserver(host: context.host)
        var cloned = try ClonedInterface.clonedInterfaces(observer)
        return try loopback.changes(observer, cloned: &cloned)
    }

    func verify(in context: StepContext) throws {
        try loopback.verify(HostObserver(host: context.host))
    }

    func summary(in context: StepContext) throws -> String? {
        "jail loopback \(settings.jailLoopback)" + (settings.jailLoopbackAddress.map { " at \($0)" } ?? " without an address")
    }
}
