/// The `from` or `to` half of a rule: addresses (any item may match; empty = any) and ports
/// (any condition may match; empty = any port).
package struct PFEndpoint: Sendable, Equatable {
    package var addresses: [PFAddressItem]
    package var ports: [PFPortMatch]

    package init(addresses: [PFAddressItem] = [], ports: [PFPortMatch] = []) {
        self.addresses = addresses
        self.ports = ports
    }

    /// `any` with no port condition.
    package static let any = PFEndpoint()

    /// True when the endpoint restricts nothing.
    package var isAny: Bool {
        ports.isEmpty && addresses.allSatisfy { item in item.address == .any && !item.negated }
    }
}
