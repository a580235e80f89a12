import FreeBSDHost
import Testing
@testable import ClawdieFirstboot

@Suite struct FirewallPolicyTests {
    static func rendered(_ settings: Settings = Settings(), ext: String = "vtnet0") -> String {
        PFConfRenderer.render(FirewallPolicy.make(settings, externalInterface: ext, lockedDown: false))
    }

    static func verdict(_ text: String, _ packet: PFPacket) throws -> PFAction {
        let ruleset = try PFParser.parse(text: text, path: "/etc/pf.conf")
        return PFEvaluator(ruleset: ruleset).verdict(for: packet).action
    }

    @Test func theRenderedFileParsesInPfctlsOrder() throws {
        let text = Self.rendered()
        let ruleset = try PFParser.parse(text: text, path: "/etc/pf.conf")
        #expect(ruleset.macro(named: "ext_if")?.value == "vtnet0")
        #expect(ruleset.table(named: "bruteforce")?.persist == true)
        #expect(ruleset.natRules.count == 1)
        // The Tailscale block is present for the operator but not loaded.
        #expect(text.contains("# pass in on tailscale0 proto tcp from any to any port { $ssh_port $vnc_port } keep state"))
        #expect(!ruleset.filterRules.contains { $0.interfaces.contains { "\($0)".contains("tailscale0") } })
        let ssh = try #require(ruleset.filterRules.first { $0.state?.overloadTable == "bruteforce" })
        #expect(ssh.state?.maxSrcConn == 5)
        #expect(ssh.state?.maxSrcConnRate?.count == 3)
        #expect(ssh.state?.maxSrcConnRate?.seconds == 60)
        #expect(ssh.state?.flushGlobal == true)
    }

    @Test(arguments: [
        (PFPacket(interface: "vtnet0", proto: .tcp, destinationPort: 22), PFAction.pass),
        (PFPacket(interface: "vtnet0", proto: .tcp, destinationPort: 443), .pass),
        (PFPacket(interface: "vtnet0", proto: .tcp, destinationPort: 80), .pass),
        (PFPacket(interface: "vtnet0", proto: .tcp, destinationPort: 5900), .block),
        (PFPacket(interface: "vtnet0", proto: .udp, destinationPort: 41641), .block),
        (PFPacket(interface: "vtnet0", proto: .tcp, source: IPv4Address("203.0.113.9"), destinationPort: 22), .pass),
        (PFPacket(interface: "vtnet0", proto: .icmp, icmpType: "echoreq"), .pass),
        (PFPacket(interface: "vtnet0", family: .inet6, proto: .icmp6, icmpType: "neighbrsol"), .pass),
        (PFPacket(interface: "warden0", proto: .tcp, source: IPv4Address("192.168.100.7"), destinationPort: 443), .pass),
        (PFPacket(interface: "lo0", proto: .tcp, destinationPort: 5432), .pass),
    ])
    func theFirstbootRulesetPassesWhatItShould(packet: PFPacket, expected: PFAction) throws {
        #expect(try Self.verdict(Self.rendered(), packet) == expected)
    }

    @Test func aSourceInBruteforceIsDroppedEvenForSSH() throws {
        let ruleset = try PFParser.parse(text: Self.rendered(), path: "/etc/pf.conf")
        let evaluator = PFEvaluator(ruleset: ruleset, tableContents: ["bruteforce": [IPv4Network("203.0.113.9/32")!]])
        #expect(evaluator.verdict(for: PFPacket(interface: "vtnet0", proto: .tcp, source: IPv4Address("203.0.113.9"), destinationPort: 22)).action == .block)
    }

    @Test func settingsReachTheRuleset() throws {
        var settings = Settings()
        settings.sshPort = 2222
        settings.publicTCPPorts = []
        settings.bridgeName = "clawbr0"
        let text = Self.rendered(settings, ext: "em0")
        #expect(try Self.verdict(text, PFPacket(interface: "em0", proto: .tcp, destinationPort: 2222)) == .pass)
        #expect(try Self.verdict(text, PFPacket(interface: "em0", proto: .tcp, destinationPort: 22)) == .block)
        #expect(try Self.verdict(text, PFPacket(interface: "em0", proto: .tcp, destinationPort: 443)) == .block)
        #expect(!text.contains("public_tcp"))
        #expect(text.contains("bridge_if = \"clawbr0\""))
    }
}

@Suite struct SubnetRouteRuleTests {
    static let settings: Settings = {
        var settings = Settings()
        settings.subnetRoutes = .auto
        return settings
    }()

    static func rendered(lockedDown: Bool, routes: [IPv4Network]) -> String {
        PFConfRenderer.render(FirewallPolicy.make(settings, externalInterface: "vtnet0", lockedDown: lockedDown, jailTable: true,
                                                  tailnetRoutes: routes))
    }

    static func verdict(_ text: String, interface: String, from source: String, to destination: String) throws -> PFAction {
        let ruleset = try PFParser.parse(text: text, path: "/etc/pf.conf")
        return PFEvaluator(ruleset: ruleset).verdict(for: PFPacket(
            interface: interface, proto: .tcp, source: IPv4Address(source), destination: IPv4Address(destination), destinationPort: 80)).action
    }

    @Test func tailnetSourcesOnTailscale0ReachTheAdvertisedNetworksAndNothingElseChanges() throws {
        let routed = Self.rendered(lockedDown: true, routes: Self.settings.advertisedNetworks)
        #expect(routed.contains("table <tailnet_routes> persist { 192.168.100.0/24 }\n"))
        #expect(routed.contains("pass in on tailscale0 from { 100.64.0.0/10, fd7a:115c:a1e0::/48 } to <tailnet_routes> keep state\n"))
        #expect(try Self.verdict(routed, interface: "tailscale0", from: "100.64.0.7", to: "192.168.100.5") == .pass)
        #expect(try Self.verdict(routed, interface: "tailscale0", from: "10.1.1.1", to: "192.168.100.5") == .block)
        #expect(try Self.verdict(routed, interface: "tailscale0", from: "100.64.0.7", to: "192.168.150.5") == .block)
        #expect(try Self.verdict(routed, interface: "vtnet0", from: "100.64.0.7", to: "192.168.100.5") == .block)
        // Without the routes the file is the locked-down one, line for line.
        let plain = Self.rendered(lockedDown: true, routes: [])
        let added = routed.split(separator: "\n", omittingEmptySubsequences: false).filter { !plain.split(separator: "\n", omittingEmptySubsequences: false).contains($0) }
        #expect(added.count == 5)
        // Before lockdown there is no tailnet path to open.
        #expect(Self.rendered(lockedDown: false, routes: Self.settings.advertisedNetworks) == Self.rendered(lockedDown: false, routes: []))
    }
}
