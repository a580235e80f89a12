import FreeBSDHost

extension Settings {
    /// Every jail network must lie inside the NAT pool (or its jails would not reach the
    /// outside) and overlap no other; interface names must be distinct. Errors name both
    /// networks and the line of the key that brought the second.
    func checkJailNetworks(path: String, seen: [SettingKey: Int]) throws {
        var named: [(what: String, network: IPv4Network, key: SettingKey)] = [("bridge_address \(bridgeAddress)", bridgeAddress.network, .bridgeAddress)]
        named += extraBridges.map { ("extra_bridges \($0.name) \($0.address)", $0.address.network, .extraBridges) }
        if let loopback = jailLoopbackAddress {
            named.append(("jail_loopback_address \(loopback)", loopback.network, .jailLoopbackAddress))
        }
        for (index, entry) in named.enumerated() {
            if !natNetwork.contains(entry.network) {
                throw SettingsError(path: path, line: seen[entry.key] ?? seen[.natNetwork], message:
                    "\(entry.what) lies outside nat_network \(natNetwork); its jails would not be NATed — choose an address inside it or widen nat_network")
            }
            if let other = named[..<index].first(where: { $0.network.overlaps(entry.network) }) {
                throw SettingsError(path: path, line: seen[entry.key], message:
                    "\(entry.what) overlaps \(other.what); give each its own network")
            }
        }
        var names = [("bridge_name", bridgeName), ("jail_loopback", jailLoopback)] + extraBridges.map { ("extra_bridges", $0.name) }
        while let (key, name) = names.popLast() {
            if let clash = names.first(where: { $0.1 == name }) {
                throw SettingsError(path: path, line: seen[SettingKey(rawValue: key)!], message:
                    "\(key) uses the name \(name), which \(clash.0) uses too; give each interface its own name")
            }
        }
    }
}
