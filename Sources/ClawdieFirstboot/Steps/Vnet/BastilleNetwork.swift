import FirstbootEngine

/// `bastille-network`: where Bastille is installed, points its networking at the platform's:
/// the jail loopback, the jail table, the external-interface macro, and the agent bridge's
/// address as the gateway of VNET jails. Where it is not installed, nothing is done.
struct BastilleNetwork: Step {
    let id = StepID.bastilleNetwork
    let phase = Phase.vnet
    var requires: [StepID] { [.jailTable] }
    var settings: Settings

    static let configFile = "/usr/local/etc/bastille/bastille.conf"

    /// bastille.conf keys (Bastille's sample configuration) and the values the platform needs.
    var wanted: [(String, String)] {
        [
            ("bastille_network_loopback", settings.jailLoopback),
            ("bastille_network_pf_table", settings.jailTable),
            ("bastille_network_pf_ext_if", "ext_if"),
            ("bastille_network_vnet_type", "if_bridge"),
            ("bastille_network_gateway", settings.bridgeAddress.address.description),
        ]
    }

    func installed(_ context: StepContext) throws -> Bool {
        try HostObserver(host: context.host).run([FreeBSDPaths.pkg, "info", "-e", "bastille"]).succeeded
    }

    func changes(in context: StepContext) throws -> [Change] {
        guard try installed(context) else { return [] }
        return try wanted.compactMap { key, value in
            try context.host.readKey(key, inFile: Self.configFile) == value ? nil : .setKey(file: Self.configFile, key: key, value: value)
        }
    }

    func summary(in context: StepContext) throws -> String? {
        try installed(context) ? "Bastille uses \(settings.jailLoopback), <\(settings.jailTable)> and gateway \(settings.bridgeAddress.address)"
            : "Bastille is not installed; nothing to do"
    }
}

extension StepID {
    static let bastilleNetwork = StepID("bastille-network")
}
