import FirstbootEngine
import FreeBSDHost

/// The networks of the host's own interfaces, which no jail network may overlap.
enum HostNetworks {
    /// The jail networks `phase` puts on the host, named by their settings: the agent bridge's
    /// (firstboot creates it; vnet's jail table routes it), each extra bridge's and the jail
    /// loopback's (vnet).
    static func jailNetworks(of settings: Settings, phase: Phase) -> [(what: String, address: IPv4Network)] {
        var networks: [(what: String, address: IPv4Network)] = []
        if phase == Phase.firstboot || phase == Phase.vnet { networks.append(("bridge_address", settings.bridgeAddress)) }
        if phase == Phase.vnet {
            networks += settings.extraBridges.map { ("extra_bridges \($0.name)", $0.address) }
            if let loopback = settings.jailLoopbackAddress { networks.append(("jail_loopback_address", loopback)) }
        }
        return networks
    }

    /// Throws, naming both networks, when a jail network of `phase` overlaps an address of an
    /// interface of the host other than the jail interfaces themselves (which may exist
    /// already, with their own addresses). The first step of each such phase asks, so a clash
    /// stops the phase before it changes the host.
    static func requireFree(_ settings: Settings, phase: Phase, on observer: HostObserver) throws {
        let wanted = jailNetworks(of: settings, phase: phase)
        guard !wanted.isEmpty else { return }
        let jailInterfaces = [settings.bridgeName, settings.jailLoopback] + settings.extraBridges.map(\.name)
        let result = try observer.run([FreeBSDPaths.ifconfig])
        guard result.succeeded else { throw StepRefusal("`ifconfig` failed: \(result.firstErrorLine)") }
        let interfaces = try IfconfigOutput.parse(result.stdoutText)
        for (what, address) in wanted {
            for interface in interfaces where !jailInterfaces.contains(interface.name) {
                for inet in interface.inet where inet.network.overlaps(address.network) {
                    throw StepRefusal("\(what) \(address) overlaps \(interface.name)'s address \(inet.network); give it a network of its own")
                }
            }
        }
    }
}
