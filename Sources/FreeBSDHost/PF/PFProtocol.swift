/// An IP protocol named in a `proto` clause.
package enum PFProtocol: Sendable, Equatable, Hashable, Codable {
    case tcp
    case udp
    case icmp
    case icmp6
    /// Any other protocol pfctl knows, by the name or number written.
    case other(String)

    /// Protocols pfctl resolves by name (through /etc/protocols) beyond the four modelled.
    static let otherKnownNames: Set<String> = [
        "ip", "igmp", "ipencap", "ipv6", "gre", "esp", "ah", "sctp", "carp", "pfsync", "ospf",
        "pim", "vrrp", "l2tp", "ipcomp", "ipip", "etherip", "udplite",
    ]

    /// Reads a protocol as pfctl would accept it: a known name or a number 0–255.
    init?(name: String) {
        switch name {
        case "tcp": self = .tcp
        case "udp": self = .udp
        case "icmp": self = .icmp
        case "icmp6", "ipv6-icmp": self = .icmp6
        default:
            if Self.otherKnownNames.contains(name) {
                self = .other(name)
            } else if let number = Int(name), (0...255).contains(number) {
                switch number {
                case 6: self = .tcp
                case 17: self = .udp
                case 1: self = .icmp
                case 58: self = .icmp6
                default: self = .other(name)
                }
            } else {
                return nil
            }
        }
    }

    /// Whether `port` may be used with this protocol (pfctl accepts it only with tcp and udp).
    var hasPorts: Bool { self == .tcp || self == .udp }
}
