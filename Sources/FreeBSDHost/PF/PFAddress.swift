/// An address as written in a rule's `from`/`to`, a table, or a NAT target.
package enum PFAddress: Sendable, Equatable {
    /// `any`.
    case any
    /// An IPv4 address, with its prefix length (a bare address is a /32).
    case ipv4(IPv4Network)
    /// An IPv6 address or prefix, kept as written (the evaluator models IPv4 only).
    case ipv6(String)
    /// `<name>`: a table.
    case table(String)
    /// `(ifname)`, optionally with a modifier such as `:network`: the interface's addresses,
    /// followed as they change.
    case dynamicInterface(String)
    /// A bare name: an interface's addresses as they are when the rules are loaded (or, to
    /// pfctl, a host name to resolve). May carry a modifier such as `:network`.
    case interface(String)
    /// `self`: every address of the host.
    case selfAddresses
}
