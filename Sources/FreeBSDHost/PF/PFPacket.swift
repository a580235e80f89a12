/// The first packet of a connection, as the lockout checks ask about it: "would SSH from
/// outside, arriving on vtnet0, get through?"
package struct PFPacket: Sendable, Equatable {
    package var interface: String
    package var direction: PFDirection
    package var family: PFAddressFamily
    package var proto: PFProtocol
    /// nil stands for "some address outside": it is in no table and no listed network.
    package var source: IPv4Address?
    /// nil stands for "one of the host's addresses on the interface the packet arrives on".
    package var destination: IPv4Address?
    /// nil matches no rule that names a source port.
    package var sourcePort: UInt16?
    /// nil matches no rule that names a destination port.
    package var destinationPort: UInt16?
    /// An ICMP or ICMPv6 type name (`echoreq`); nil matches no rule that names types.
    package var icmpType: String?

    package init(interface: String, direction: PFDirection = .in, family: PFAddressFamily = .inet,
                 proto: PFProtocol, source: IPv4Address? = nil, destination: IPv4Address? = nil,
                 sourcePort: UInt16? = nil, destinationPort: UInt16? = nil, icmpType: String? = nil) {
        self.interface = interface
        self.direction = direction
        self.family = family
        self.proto = proto
        self.source = source
        self.destination = destination
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.icmpType = icmpType
    }
}
