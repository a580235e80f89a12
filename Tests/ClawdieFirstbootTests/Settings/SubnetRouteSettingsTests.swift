import Testing
@testable import ClawdieFirstboot

@Suite struct SubnetRouteSettingsTests {
    static let jails = """
    extra_bridges="warden1:192.168.101.1/24"
    jail_loopback_address="192.168.255.1/24"

    """

    @Test func routesAreOffByDefaultAndAutoIsEveryJailNetworkInOrder() throws {
        #expect(Settings().subnetRoutes == .off && Settings().advertisedNetworks.isEmpty)
        let auto = try Settings.parse(Self.jails + "tailscale_subnet_routes=\"auto\"\n", path: "/c.conf")
        #expect(auto.advertisedNetworks.map(\.description) == ["192.168.100.0/24", "192.168.101.0/24", "192.168.255.0/24"])
        #expect(try Settings.parse("tailscale_subnet_routes=\"\"\n", path: "/c.conf").subnetRoutes == .off)
    }

    @Test func anExplicitListTakesJailNetworksAndNetworksInsideTheNATPool() throws {
        let text = Self.jails + "tailscale_subnet_routes=\"192.168.101.0/24 192.168.200.0/24\"\ntailscale_route_approval_wait=\"30\"\n"
        let settings = try Settings.parse(text, path: "/c.conf")
        #expect(settings.advertisedNetworks.map(\.description) == ["192.168.101.0/24", "192.168.200.0/24"])
        #expect(settings.routeApprovalWait == 30)
        // The canonical text reads back to the same settings.
        #expect(try Settings.parse(settings.canonicalText, path: "/c.conf") == settings)
        #expect(settings.canonicalText.contains("tailscale_subnet_routes=\"192.168.101.0/24 192.168.200.0/24\"\n"))
    }

    @Test(arguments: [
        ("tailscale_subnet_routes=\"192.168.100.1/24\"\n", "/c.conf:1: tailscale_subnet_routes=\"192.168.100.1/24\": 192.168.100.1/24 is not a network in CIDR form with no host bits; give auto, or networks like 192.168.100.0/24"),
        ("tailscale_subnet_routes=\"192.168.100.0\"\n", "/c.conf:1: tailscale_subnet_routes=\"192.168.100.0\": 192.168.100.0 is not a network in CIDR form with no host bits; give auto, or networks like 192.168.100.0/24"),
        ("tailscale_subnet_routes=\"192.168.100.0/24 192.168.100.0/24\"\n", "/c.conf:1: tailscale_subnet_routes=\"192.168.100.0/24 192.168.100.0/24\": 192.168.100.0/24 is listed twice"),
        ("tailscale_subnet_routes=\"172.16.0.0/12\"\n", "/c.conf:1: tailscale_subnet_routes lists 172.16.0.0/12, which is neither a jail network (192.168.100.0/24) nor inside nat_network 192.168.0.0/16; advertise only the jail networks, or use auto"),
        ("tailscale_subnet_routes=\"192.168.0.0/16 192.168.100.0/24\"\n", "/c.conf:1: tailscale_subnet_routes lists 192.168.100.0/24, which overlaps 192.168.0.0/16; list each network once"),
        ("tailscale_route_approval_wait=\"3601\"\n", "/c.conf:1: tailscale_route_approval_wait=\"3601\": expected a whole number from 0 to 3600"),
    ])
    func badValuesAreRefusedWithOneClearError(text: String, message: String) throws {
        #expect { try Settings.parse(text, path: "/c.conf") } throws: { ($0 as? SettingsError)?.description == message }
    }
}
