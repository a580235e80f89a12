import FreeBSDHost

extension Settings {
    /// `tailscale_subnet_routes`: empty (off), `auto`, or networks in CIDR form separated by
    /// spaces. Where each network may lie is checked once the whole file is read.
    static func subnetRoutes(_ value: String) throws -> SubnetRoutes {
        let words = value.split(separator: " ").map(String.init)
        if words.isEmpty { return .off }
        if words == ["auto"] { return .auto }
        var networks: [IPv4Network] = []
        for word in words {
            guard let network = IPv4Network(word), word.contains("/"), network.address == network.networkAddress else {
                throw ValueProblem(message: "\(word) is not a network in CIDR form with no host bits; give auto, or networks like 192.168.100.0/24")
            }
            guard !networks.contains(network) else { throw ValueProblem(message: "\(network) is listed twice") }
            networks.append(network)
        }
        return .networks(networks)
    }

    /// An explicit route must be one of the jail networks or lie inside the NAT pool (where
    /// every jail network lies), and two routes may not overlap: a peer would not know which
    /// one to use, and pf would see the same network twice.
    func checkSubnetRoutes(path: String, line: Int?) throws {
        guard case .networks(let networks) = subnetRoutes else { return }
        for (index, network) in networks.enumerated() {
            if !jailNetworks.contains(network) && !natNetwork.contains(network) {
                throw SettingsError(path: path, line: line, message:
                    "tailscale_subnet_routes lists \(network), which is neither a jail network (\(jailNetworks.map(\.description).joined(separator: ", "))) nor inside nat_network \(natNetwork); advertise only the jail networks, or use auto")
            }
            if let other = networks[..<index].first(where: { $0.overlaps(network) }) {
                throw SettingsError(path: path, line: line, message:
                    "tailscale_subnet_routes lists \(network), which overlaps \(other); list each network once")
            }
        }
    }
}
