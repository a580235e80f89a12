/// The direction a packet crosses an interface, as pf sees it.
package enum PFDirection: String, Sendable, Equatable, Codable {
    case `in`
    case out
}
