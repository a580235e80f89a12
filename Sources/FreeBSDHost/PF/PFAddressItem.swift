/// One address of a `from`/`to` list, possibly negated with `!`.
///
/// pfctl expands a list into one rule per item, so a list matches when any item does — which is
/// why `{ 10.0.0.0/8, !10.1.2.3 }` matches every address.
package struct PFAddressItem: Sendable, Equatable {
    package var address: PFAddress
    package var negated: Bool

    package init(_ address: PFAddress, negated: Bool = false) {
        self.address = address
        self.negated = negated
    }
}
