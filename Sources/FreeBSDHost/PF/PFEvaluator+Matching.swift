/// The parts of rule matching: interfaces, addresses, tables, ports, ICMP types.
extension PFEvaluator {
    /// An interface item matches when it names the packet's interface and that interface was
    /// present when the rules were loaded; `!` inverts the whole.
    func matches(_ item: PFInterfaceItem, _ packet: PFPacket) -> Bool {
        let bound = Self.interface(item.name, names: packet.interface) && wasPresentAtLoad(packet.interface)
        return bound != item.negated
    }

    func wasPresentAtLoad(_ name: String) -> Bool {
        interfacesPresentAtLoad.map { present in present.contains(name) } ?? true
    }

    /// `name` as written in a rule names `interface` itself, or the group it belongs to by
    /// name (`lo` for `lo0`).
    static func interface(_ name: String, names interface: String) -> Bool {
        if name == interface { return true }
        guard let last = name.last, !last.isNumber, interface.hasPrefix(name) else { return false }
        let unit = interface.dropFirst(name.count)
        return !unit.isEmpty && unit.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// An empty list matches everything; otherwise any item may match.
    func matches(_ items: [PFAddressItem], address: IPv4Address?, isDestination: Bool, packet: PFPacket) -> Bool {
        items.isEmpty || items.contains { item in
            matches(item.address, address: address, isDestination: isDestination, packet: packet) != item.negated
        }
    }

    private func matches(_ spec: PFAddress, address: IPv4Address?, isDestination: Bool, packet: PFPacket) -> Bool {
        switch spec {
        case .any:
            return true
        case .ipv4(let network):
            return address.map { network.contains($0) } ?? false
        case .ipv6:
            return false
        case .table(let name):
            return address.map { tableContains(name, $0) } ?? false
        case .dynamicInterface(let written):
            return interfaceMatches(written, address: address, isDestination: isDestination, packet: packet)
        case .interface(let written):
            let name = String(written.split(separator: ":", maxSplits: 1).first ?? "")
            guard wasPresentAtLoad(name) else { return false }
            return interfaceMatches(written, address: address, isDestination: isDestination, packet: packet)
        case .selfAddresses:
            guard let address else { return isDestination }
            return interfaceAddresses.values.contains { networks in networks.contains { $0.address == address } }
        }
    }

    /// `IF` or `IF:network` (other modifiers are treated as the interface's own addresses).
    private func interfaceMatches(_ written: String, address: IPv4Address?, isDestination: Bool,
                                  packet: PFPacket) -> Bool {
        let parts = written.split(separator: ":", maxSplits: 1)
        let name = String(parts.first ?? "")
        guard let address else { return isDestination && name == packet.interface }
        let networks = interfaceAddresses[name] ?? []
        if parts.count == 2 && parts[1] == "network" {
            return networks.contains { $0.contains(address) }
        }
        return networks.contains { $0.address == address }
    }

    /// Longest-prefix match over the table's listed entries and its run-time contents; a
    /// negated entry (`!10.1.2.3`) that matches best keeps the address out.
    func tableContains(_ name: String, _ address: IPv4Address) -> Bool {
        var entries = [(network: IPv4Network, negated: Bool)]()
        for item in ruleset.table(named: name)?.entries ?? [] {
            if case .ipv4(let network) = item.address { entries.append((network, item.negated)) }
        }
        entries += (tableContents[name] ?? []).map { ($0, false) }
        let best = entries.filter { $0.network.contains(address) }.max { $0.network.prefixLength < $1.network.prefixLength }
        return best.map { !$0.negated } ?? false
    }

    /// An empty list matches any port; otherwise the packet needs a port some condition accepts.
    static func matches(_ conditions: [PFPortMatch], _ port: UInt16?) -> Bool {
        guard !conditions.isEmpty else { return true }
        guard let port else { return false }
        return conditions.contains { $0.matches(port) }
    }

    func matchesICMPType(_ rule: PFFilterRule, _ packet: PFPacket) -> Bool {
        let types = packet.proto == .icmp6 ? rule.icmp6Types : rule.icmpTypes
        let otherTypes = packet.proto == .icmp6 ? rule.icmpTypes : rule.icmp6Types
        if types.isEmpty && otherTypes.isEmpty { return true }
        guard !types.isEmpty, let type = packet.icmpType else { return false }
        return types.contains { written in written.split(separator: " ").first.map(String.init) == type }
    }
}
