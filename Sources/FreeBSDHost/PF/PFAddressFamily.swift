/// pf's `inet` and `inet6`.
package enum PFAddressFamily: String, Sendable, Equatable, Codable {
    case inet
    case inet6
}
