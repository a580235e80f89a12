/// An address with a prefix length, as written in CIDR form: `192.168.100.1/24`.
///
/// It keeps the host part (an interface address) and can give the network it lies in.
package struct IPv4Network: Hashable, Sendable, CustomStringConvertible {
    package var address: IPv4Address
    package var prefixLength: Int

    package init(address: IPv4Address, prefixLength: Int) {
        precondition((0...32).contains(prefixLength), "prefix length out of range")
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Parses `a.b.c.d/n` (n 0–32). A bare address is a /32.
    package init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPv4Address(parts[0]) else { return nil }
        var length = 32
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].count <= 2, parts[1].allSatisfy(\.isNumber),
                  let parsed = Int(parts[1]), (0...32).contains(parsed) else { return nil }
            length = parsed
        }
        self.init(address: address, prefixLength: length)
    }

    /// Builds from an address and a netmask such as ifconfig's `0xffffff00`; nil when the
    /// mask is not contiguous.
    package init?(address: IPv4Address, netmask: UInt32) {
        let length = netmask.nonzeroBitCount
        guard netmask == IPv4Network.mask(length) else { return nil }
        self.init(address: address, prefixLength: length)
    }

    package static func mask(_ length: Int) -> UInt32 {
        length == 0 ? 0 : UInt32.max << UInt32(32 - length)
    }

    package var netmask: UInt32 { IPv4Network.mask(prefixLength) }
    package var networkAddress: IPv4Address { IPv4Address(address.value & netmask) }
    package var broadcastAddress: IPv4Address { IPv4Address(address.value | ~netmask) }
    /// The same prefix with the host bits cleared: `192.168.100.0/24`.
    package var network: IPv4Network { IPv4Network(address: networkAddress, prefixLength: prefixLength) }

    package func contains(_ other: IPv4Address) -> Bool {
        other.value & netmask == networkAddress.value
    }

    /// True when every address of `other` lies inside this network.
    package func contains(_ other: IPv4Network) -> Bool {
        other.prefixLength >= prefixLength && contains(other.networkAddress)
    }

    package func overlaps(_ other: IPv4Network) -> Bool {
        contains(other.networkAddress) || other.contains(networkAddress)
    }

    package var description: String { "\(address)/\(prefixLength)" }
}
