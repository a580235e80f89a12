/// One interface as `ifconfig` describes it: the parts the orchestrator decides on.
///
/// Lines it does not model (media, nd6, bridge spanning-tree settings, …) are skipped.
package struct InterfaceInfo: Hashable, Sendable {
    /// A flag word as ifconfig prints it: `flags=8843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST>`.
    package struct Flags: Hashable, Sendable {
        /// The number, printed in hexadecimal without `0x`.
        package var value: UInt64
        /// The names between the angle brackets, in printed order.
        package var names: [String]

        package init(value: UInt64, names: [String]) {
            self.value = value
            self.names = names
        }

        package func contains(_ name: String) -> Bool { names.contains(name) }
    }

    /// An `inet` line: the address with the prefix length taken from the hex netmask.
    package struct Inet: Hashable, Sendable {
        package var network: IPv4Network
        package var broadcast: IPv4Address?
        /// The far end of a point-to-point link (`inet A --> B netmask …`), as on `tailscale0`.
        package var destination: IPv4Address?

        package init(network: IPv4Network, broadcast: IPv4Address? = nil, destination: IPv4Address? = nil) {
            self.network = network
            self.broadcast = broadcast
            self.destination = destination
        }
    }

    /// An `inet6` line, kept as printed: `fe80::1%lo0 prefixlen 64`.
    package struct Inet6: Hashable, Sendable {
        package var address: String
        package var prefixLength: Int

        package init(address: String, prefixLength: Int) {
            self.address = address
            self.prefixLength = prefixLength
        }
    }

    /// A bridge member line (`member: vtnet0 flags=143<LEARNING,…>`) with its indented
    /// continuation lines (`ifmaxaddr 0 port 1 priority 128 path cost 2000`).
    package struct BridgeMember: Hashable, Sendable {
        package var name: String
        package var flags: Flags
        /// The continuation lines, trimmed.
        package var details: [String]

        package init(name: String, flags: Flags, details: [String] = []) {
            self.name = name
            self.flags = flags
            self.details = details
        }
    }

    package var name: String
    package var flags: Flags
    package var metric: Int
    package var mtu: Int
    /// Capabilities in use (`options=…`); nil when not printed.
    package var options: Flags?
    /// The link-layer address (`ether 58:9c:fc:10:ff:db`).
    package var ether: String?
    package var inet: [Inet]
    package var inet6: [Inet6]
    /// Interface groups (`groups: bridge`): a renamed bridge keeps the group `bridge`.
    package var groups: [String]
    package var members: [BridgeMember]
    /// Link state (`status: active`, `no carrier`); nil when not printed.
    package var status: String?

    package init(
        name: String, flags: Flags, metric: Int = 0, mtu: Int, options: Flags? = nil, ether: String? = nil,
        inet: [Inet] = [], inet6: [Inet6] = [], groups: [String] = [], members: [BridgeMember] = [],
        status: String? = nil
    ) {
        self.name = name
        self.flags = flags
        self.metric = metric
        self.mtu = mtu
        self.options = options
        self.ether = ether
        self.inet = inet
        self.inet6 = inet6
        self.groups = groups
        self.members = members
        self.status = status
    }

    /// True when the administrative `UP` flag is set.
    package var isUp: Bool { flags.contains("UP") }
}
