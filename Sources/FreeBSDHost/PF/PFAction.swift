/// What a filter rule does with a packet it matches.
package enum PFAction: String, Sendable, Equatable, Codable {
    case pass
    case block
}
