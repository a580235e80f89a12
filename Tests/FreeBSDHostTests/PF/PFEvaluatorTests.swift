import Testing
@testable import FreeBSDHost

@Suite struct PFEvaluatorTests {
    private func evaluator(_ text: String, tables: [String: [IPv4Network]] = [:],
                           present: Set<String>? = nil) throws -> PFEvaluator {
        PFEvaluator(ruleset: try PFParser.parse(text: text, path: "/etc/pf.conf"), tableContents: tables,
                    interfaceAddresses: ["vtnet0": [IPv4Network("203.0.113.10/24")!],
                                         "warden0": [IPv4Network("192.168.100.1/24")!]],
                    interfacesPresentAtLoad: present)
    }

    private static func tcp(_ port: UInt16, on interface: String = "vtnet0", from source: String? = nil) -> PFPacket {
        PFPacket(interface: interface, proto: .tcp, source: source.flatMap { IPv4Address($0) }, destinationPort: port)
    }

    @Test(arguments: [
        (tcp(22), PFAction.pass, 21),
        (tcp(80), .pass, 22),
        (tcp(443), .pass, 22),
        (tcp(8080), .block, 18),
        (PFPacket(interface: "vtnet0", proto: .udp, destinationPort: 53), .block, 18),
        (PFPacket(interface: "vtnet0", proto: .icmp, icmpType: "echoreq"), .pass, 23),
        (PFPacket(interface: "vtnet0", proto: .icmp, icmpType: "redir"), .block, 18),
        (PFPacket(interface: "vtnet0", family: .inet6, proto: .icmp6, icmpType: "neighbrsol"), .pass, 24),
        (PFPacket(interface: "vtnet0", direction: .out, proto: .tcp, destinationPort: 443), .pass, 20),
        (PFPacket(interface: "warden0", proto: .tcp, source: IPv4Address("192.168.100.5"), destinationPort: 8080), .pass, 25),
        (PFPacket(interface: "warden0", proto: .tcp, source: IPv4Address("10.9.9.9"), destinationPort: 8080), .block, 18),
    ])
    func firstbootRuleset(packet: PFPacket, action: PFAction, line: Int) throws {
        let verdict = try evaluator(PFSampleRulesets.firstboot).verdict(for: packet)
        #expect(verdict == PFVerdict(action: action, line: line))
    }

    @Test func sshToTheExternalAddressPassesWhenTheDestinationIsGiven() throws {
        let evaluator = try evaluator(PFSampleRulesets.firstboot)
        var packet = Self.tcp(22)
        packet.destination = IPv4Address("203.0.113.10")
        #expect(evaluator.verdict(for: packet) == PFVerdict(action: .pass, line: 21))
        packet.destination = IPv4Address("203.0.113.99")
        #expect(evaluator.verdict(for: packet) == PFVerdict(action: .block, line: 18))
    }

    @Test func aSourceInBruteforceIsBlockedByTheQuickRuleDespiteLaterPasses() throws {
        let evaluator = try evaluator(PFSampleRulesets.firstboot, tables: ["bruteforce": [IPv4Network("198.51.100.7")!]])
        #expect(evaluator.verdict(for: Self.tcp(22, from: "198.51.100.7")) == PFVerdict(action: .block, line: 19))
        #expect(evaluator.verdict(for: Self.tcp(22, from: "198.51.100.8")) == PFVerdict(action: .pass, line: 21))
        #expect(evaluator.verdict(for: Self.tcp(22)) == PFVerdict(action: .pass, line: 21))
    }

    @Test func declaredTableEntriesUseTheLongestMatch() throws {
        let text = """
        table <mgmt> { 10.0.0.0/8, !10.1.0.0/16, 10.1.2.3 }
        block all
        pass in proto tcp from <mgmt> to port 22
        pass in proto tcp from ! <mgmt> to port 443

        """
        let evaluator = try evaluator(text)
        #expect(evaluator.verdict(for: Self.tcp(22, from: "10.200.0.1")).action == .pass)
        #expect(evaluator.verdict(for: Self.tcp(22, from: "10.1.9.9")).action == .block)
        #expect(evaluator.verdict(for: Self.tcp(22, from: "10.1.2.3")).action == .pass)
        #expect(evaluator.verdict(for: Self.tcp(443, from: "10.1.9.9")).action == .pass)
        #expect(evaluator.verdict(for: Self.tcp(443)).action == .pass)
    }

    @Test func lastMatchingRuleWinsWithoutQuick() throws {
        let text = """
        pass in proto tcp to port 22
        block in on vtnet0 all
        pass in on warden0 all

        """
        let evaluator = try evaluator(text)
        #expect(evaluator.verdict(for: Self.tcp(22)) == PFVerdict(action: .block, line: 2))
        #expect(evaluator.verdict(for: Self.tcp(22, on: "warden0")) == PFVerdict(action: .pass, line: 3))
    }

    @Test func quickPassStopsEvaluation() throws {
        let evaluator = try evaluator("pass quick proto tcp to port 22\nblock all\n")
        #expect(evaluator.verdict(for: Self.tcp(22)) == PFVerdict(action: .pass, line: 1))
        #expect(evaluator.verdict(for: Self.tcp(23)) == PFVerdict(action: .block, line: 2))
    }

    @Test(arguments: [
        (UInt16(22), PFAction.pass), (80, .pass), (1000, .pass), (1500, .pass), (2000, .pass),
        (999, .block), (2001, .block), (443, .block),
    ])
    func portListsAndRanges(port: UInt16, action: PFAction) throws {
        let evaluator = try evaluator("block all\npass in proto tcp to port { ssh, 80 1000:2000 }\n")
        #expect(evaluator.verdict(for: Self.tcp(port)).action == action)
    }

    @Test(arguments: [(UInt16(41641), PFAction.pass), (41642, .block)])
    func wireGuardUDPPort(port: UInt16, action: PFAction) throws {
        let evaluator = try evaluator(PFSampleRulesets.lockdown)
        let packet = PFPacket(interface: "vtnet0", proto: .udp, destinationPort: port)
        #expect(evaluator.verdict(for: packet).action == action)
        let tcpPacket = PFPacket(interface: "vtnet0", proto: .tcp, destinationPort: port)
        #expect(evaluator.verdict(for: tcpPacket).action == .block)
    }

    @Test(arguments: [UInt16(22), 5900])
    func tailscaleRuleNeedsTheInterfaceAtLoadTime(port: UInt16) throws {
        let packet = Self.tcp(port, on: "tailscale0")
        let coldBoot = try evaluator(PFSampleRulesets.lockdown, present: ["lo0", "vtnet0", "warden0"])
        #expect(coldBoot.verdict(for: packet) == PFVerdict(action: .block, line: 4))
        let reloaded = try evaluator(PFSampleRulesets.lockdown, present: ["lo0", "vtnet0", "warden0", "tailscale0"])
        #expect(reloaded.verdict(for: packet) == PFVerdict(action: .pass, line: 8))
        let unknownPresence = try evaluator(PFSampleRulesets.lockdown)
        #expect(unknownPresence.verdict(for: packet).action == .pass)
        // SSH on the external interface is closed in the lockdown ruleset.
        #expect(reloaded.verdict(for: Self.tcp(22)) == PFVerdict(action: .block, line: 4))
    }

    @Test func anInterfaceListMatchesOnlyThroughItsPresentMembers() throws {
        let text = "block all\npass in on { vtnet0 tailscale0 } proto tcp to port 22\n"
        let evaluator = try evaluator(text, present: ["vtnet0"])
        #expect(evaluator.verdict(for: Self.tcp(22)).action == .pass)
        #expect(evaluator.verdict(for: Self.tcp(22, on: "tailscale0")).action == .block)
    }

    @Test(arguments: ["set skip on lo0", "set skip on lo", "set skip on { lo0 tailscale0 }"])
    func skippedInterfacesAlwaysPass(option: String) throws {
        let evaluator = try evaluator("\(option)\nblock all\n")
        #expect(evaluator.verdict(for: Self.tcp(6000, on: "lo0")) == PFVerdict(action: .pass, line: 1, cause: .skippedInterface))
        #expect(evaluator.verdict(for: Self.tcp(6000)).action == .block)
    }

    @Test func anEmptyRulesetPassesEverything() throws {
        let verdict = try evaluator("").verdict(for: Self.tcp(22))
        #expect(verdict == PFVerdict(action: .pass, line: nil, cause: .noMatchingRule))
        #expect(verdict.passes)
    }

    @Test func directionFamilyAndSelfAreHonoured() throws {
        let text = """
        block all
        pass in inet proto tcp to self port 22
        pass out inet6 all

        """
        let evaluator = try evaluator(text)
        #expect(evaluator.verdict(for: Self.tcp(22)).action == .pass)
        var toOther = Self.tcp(22)
        toOther.destination = IPv4Address("198.51.100.1")
        #expect(evaluator.verdict(for: toOther).action == .block)
        let outbound = PFPacket(interface: "vtnet0", direction: .out, family: .inet, proto: .tcp, destinationPort: 443)
        #expect(evaluator.verdict(for: outbound).action == .block)
        var outbound6 = outbound
        outbound6.family = .inet6
        #expect(evaluator.verdict(for: outbound6).action == .pass)
    }
}
