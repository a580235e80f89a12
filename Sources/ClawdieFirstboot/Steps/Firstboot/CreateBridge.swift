import FirstbootEngine
import FreeBSDHost

/// `create-bridge`: the agent bridge (`warden0`, 192.168.100.1/24 by default), created now and
/// persisted in rc.conf (see `ClonedInterface`). Its name is configuration and never derives
/// from the assistant's name.
struct CreateBridge: CreatesClonedInterfaces {
    let id = StepID.createBridge
    let phase = Phase.firstboot
    var requires: [StepID] { [.detectExternalInterface] }
    var settings: Settings

    var interfaces: [ClonedInterface] {
        [ClonedInterface(cloner: "bridge", group: "bridge", name: settings.bridgeName, address: settings.bridgeAddress, setting: "bridge_name")]
    }

    /// The bridge's network must overlap none of the host's own: checked here, by the first
    /// step of firstboot that changes the host, as the vnet phase checks its networks.
    func checkPreconditions(in context: StepContext) throws {
        try HostNetworks.requireFree(settings, phase: phase, on: HostObserver(host: context.host))
    }

    func summary(in context: StepContext) throws -> String? {
        "agent bridge \(settings.bridgeName) at \(settings.bridgeAddress)"
    }
}

extension StepID {
    static let createBridge = StepID("create-bridge")
}
