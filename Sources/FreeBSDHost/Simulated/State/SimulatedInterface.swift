/// A network interface of the simulated host, as the kernel holds it at run time.
struct SimulatedInterface: Encodable, Equatable, Sendable {
    var name: String
    /// The name the interface had when it appeared (a physical interface gets it back at
    /// reboot; a cloned one is created anew from rc.conf).
    var originalName: String
    var kind: InterfaceKind
    /// The kernel's interface index: fixes the order of `ifconfig -l` and bridge port numbers.
    var index: Int
    var inet: [String]
    var inet6: [String]
    var ether: String?
    var up: Bool
    var members: [String]
    var description: String?
    /// For a physical interface, the addresses its DHCP lease or static configuration gives
    /// back after a reboot (the profile's addresses).
    var bootInet: [String]

    /// Interfaces a cloner made; only these can be destroyed, and none survives a reboot.
    var isCloned: Bool {
        switch kind {
        case .physical: false
        case .loopback: originalName != "lo0"
        default: true
        }
    }

    var networks: [IPv4Network] { inet.compactMap { IPv4Network($0) } }
}
