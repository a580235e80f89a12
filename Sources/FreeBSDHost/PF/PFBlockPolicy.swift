/// How a blocked packet is answered: silently dropped, or refused (TCP RST / ICMP unreachable).
package enum PFBlockPolicy: String, Sendable, Equatable, Codable {
    case drop
    case `return`
}
