/// A translation rule in the pre-FreeBSD-15 form that 14 and 15 both accept:
/// `nat [pass] on IF [inet] [proto …] from SRC to DST -> TARGET [options]`.
package struct PFNatRule: Sendable, Equatable {
    /// `nat pass`: translated packets skip the filter rules.
    package var pass: Bool
    package var log: Bool
    package var interfaces: [PFInterfaceItem]
    package var family: PFAddressFamily?
    package var protocols: [PFProtocol]
    package var from: PFEndpoint
    package var to: PFEndpoint
    /// What source addresses become: `($ext_if)` is `.dynamicInterface("vtnet0")`.
    package var target: [PFAddressItem]
    /// Pool options as written (`static-port`, `round-robin`, …).
    package var options: [String]
    package var line: Int
}
