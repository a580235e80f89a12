import Testing
@testable import FreeBSDHost

@Suite struct PFParserTests {
    private func parse(_ text: String) throws -> PFRuleset {
        try PFParser.parse(text: text, path: "/etc/pf.conf")
    }

    @Test func firstbootRulesetMacrosTablesAndOptions() throws {
        let ruleset = try parse(PFSampleRulesets.firstboot)
        #expect(ruleset.macros.map(\.name) == ["ext_if", "bridge_if", "nat_net", "tcp_public", "icmp_types", "icmp6_types"])
        #expect(ruleset.macro(named: "tcp_public")?.value == "{ 80 443 }")
        #expect(ruleset.macro(named: "ext_if")?.line == 2)
        #expect(ruleset.tables == [PFTable(name: "bruteforce", persist: true, line: 9)])
        #expect(ruleset.options == [
            PFOption(setting: .skip(["lo0"]), line: 11),
            PFOption(setting: .blockPolicy(.drop), line: 12),
        ])
        #expect(ruleset.skippedInterfaces == ["lo0"])
        #expect(ruleset.blockPolicy == .drop)
    }

    @Test func firstbootRulesetScrubAndNat() throws {
        let ruleset = try parse(PFSampleRulesets.firstboot)
        let scrub = try #require(ruleset.scrubRules.first)
        #expect(scrub.direction == .in)
        #expect(scrub.fragmentReassemble)
        #expect(!scrub.noDF && scrub.maxMSS == nil)
        #expect(scrub.line == 14)

        let nat = try #require(ruleset.natRules.first)
        #expect(ruleset.natRules.count == 1)
        #expect(nat.interfaces == [PFInterfaceItem(name: "vtnet0")])
        #expect(nat.family == .inet)
        #expect(nat.from.addresses == [PFAddressItem(.ipv4(IPv4Network("192.168.0.0/16")!))])
        #expect(nat.to.isAny)
        #expect(nat.target == [PFAddressItem(.dynamicInterface("vtnet0"))])
        #expect(!nat.pass)
        #expect(nat.line == 16)
    }

    @Test func firstbootRulesetFilterRules() throws {
        let rules = try parse(PFSampleRulesets.firstboot).filterRules
        #expect(rules.map(\.line) == [18, 19, 20, 21, 22, 23, 24, 25])
        #expect(rules.map(\.action) == [.block, .block, .pass, .pass, .pass, .pass, .pass, .pass])

        #expect(rules[0] == PFFilterRule(action: .block, line: 18))
        #expect(rules[1].quick)
        #expect(rules[1].from.addresses == [PFAddressItem(.table("bruteforce"))])
        #expect(rules[2].direction == .out && rules[2].state?.kind == .keep)

        let ssh = rules[3]
        #expect(ssh.direction == .in)
        #expect(ssh.interfaces == [PFInterfaceItem(name: "vtnet0")])
        #expect(ssh.family == .inet)
        #expect(ssh.protocols == [.tcp])
        #expect(ssh.from.isAny)
        #expect(ssh.to.addresses == [PFAddressItem(.dynamicInterface("vtnet0"))])
        #expect(ssh.to.ports == [.equal(22)])
        #expect(ssh.flags == "S/SA")
        let state = try #require(ssh.state)
        #expect(state.kind == .keep)
        #expect(state.maxSrcConn == 5)
        #expect(state.maxSrcConnRate?.count == 3)
        #expect(state.maxSrcConnRate?.seconds == 60)
        #expect(state.overloadTable == "bruteforce")
        #expect(state.flush && state.flushGlobal)
        #expect(state.otherOptions.isEmpty)

        #expect(rules[4].to.ports == [.equal(80), .equal(443)])
        #expect(rules[5].protocols == [.icmp] && rules[5].icmpTypes == ["echoreq", "unreach"])
        #expect(rules[6].family == .inet6)
        #expect(rules[6].icmp6Types == ["unreach", "toobig", "timex", "paramprob", "echoreq", "echorep",
                                        "routersol", "routeradv", "neighbrsol", "neighbradv"])
        #expect(rules[7].interfaces == [PFInterfaceItem(name: "warden0")])
        #expect(rules[7].direction == nil)
        #expect(rules[7].from.addresses == [PFAddressItem(.ipv4(IPv4Network("192.168.0.0/16")!))])
    }

    @Test(arguments: [
        ("port 22", [PFPortMatch.equal(22)]),
        ("port ssh", [.equal(22)]),
        ("port { http, https domain ntp }", [.equal(80), .equal(443), .equal(53), .equal(123)]),
        ("port 1000:2000", [.inclusiveRange(1000, 2000)]),
        ("port { 22 60000:61000 }", [.equal(22), .inclusiveRange(60000, 61000)]),
        ("port > 1023", [.greater(1023)]),
        ("port != 25", [.notEqual(25)]),
        ("port 1000 >< 2000", [.exclusiveRange(1000, 2000)]),
        ("port 1000 <> 2000", [.outsideRange(1000, 2000)]),
    ])
    func portForms(clause: String, expected: [PFPortMatch]) throws {
        let rule = try #require(try parse("pass in proto tcp to any \(clause)\n").filterRules.first)
        #expect(rule.to.ports == expected)
    }

    @Test(arguments: [
        ("any", [PFAddressItem(.any)]),
        ("10.0.0.0/8", [PFAddressItem(.ipv4(IPv4Network("10.0.0.0/8")!))]),
        ("192.0.2.7", [PFAddressItem(.ipv4(IPv4Network("192.0.2.7/32")!))]),
        ("! <bruteforce>", [PFAddressItem(.table("bruteforce"), negated: true)]),
        ("(vtnet0)", [PFAddressItem(.dynamicInterface("vtnet0"))]),
        ("vtnet0:network", [PFAddressItem(.interface("vtnet0:network"))]),
        ("self", [PFAddressItem(.selfAddresses)]),
        ("fe80::/10", [PFAddressItem(.ipv6("fe80::/10"))]),
        ("{ 10.0.0.1, !10.0.0.2 <t> }", [
            PFAddressItem(.ipv4(IPv4Network("10.0.0.1/32")!)),
            PFAddressItem(.ipv4(IPv4Network("10.0.0.2/32")!), negated: true),
            PFAddressItem(.table("t")),
        ]),
    ])
    func addressForms(written: String, expected: [PFAddressItem]) throws {
        let rule = try #require(try parse("pass from \(written) to any\n").filterRules.first)
        #expect(rule.from.addresses == expected)
    }

    @Test func nestedMacroListsExpandIntoOneList() throws {
        let text = """
        trusted = "{ 192.0.2.1 192.0.2.2 }"
        pass in inet proto tcp from { 10.10.0.0/24 $trusted } to port 22

        """
        let rule = try #require(try parse(text).filterRules.first)
        #expect(rule.from.addresses.count == 3)
    }

    @Test func macrosDefinedFromOtherMacrosOutsideQuotes() throws {
        let text = """
        host1 = "192.0.2.1"
        host2 = "192.0.2.2"
        all_hosts = "{" $host1 $host2 "}"
        block from $all_hosts

        """
        let ruleset = try parse(text)
        #expect(ruleset.macro(named: "all_hosts")?.value == "{ 192.0.2.1 192.0.2.2 }")
        #expect(ruleset.filterRules.first?.from.addresses.count == 2)
    }

    @Test func continuationLinesAndListsSpanningLinesKeepTheStartLine() throws {
        let text = """
        # a comment
        pass in on vtnet0 proto tcp \\
            to port { 22, \\
            80 }
        pass in proto udp to port {
            53
            123 } # ntp too

        """
        let rules = try parse(text).filterRules
        #expect(rules.map(\.line) == [2, 5])
        #expect(rules[0].to.ports == [.equal(22), .equal(80)])
        #expect(rules[1].to.ports == [.equal(53), .equal(123)])
    }

    @Test func tablesWithOptionsAndAddresses() throws {
        let text = """
        table <clawdie_jails> persist const counters { 192.168.100.0/24, !192.168.100.1 \\
            192.168.101.0/24 }
        table <blocked> file "/etc/pf.blocked"

        """
        let tables = try parse(text).tables
        #expect(tables[0].persist && tables[0].const && tables[0].counters)
        #expect(tables[0].entries == [
            PFAddressItem(.ipv4(IPv4Network("192.168.100.0/24")!)),
            PFAddressItem(.ipv4(IPv4Network("192.168.100.1/32")!), negated: true),
            PFAddressItem(.ipv4(IPv4Network("192.168.101.0/24")!)),
        ])
        #expect(tables[1].files == ["/etc/pf.blocked"])
    }

    @Test func optionsOtherThanTheModelledOnesAreKeptAsWritten() throws {
        let text = """
        set skip on { lo0 tailscale0 }
        set limit { states 20000, frags 5000 }
        set optimization normal
        set block-policy return
        scrub in on vtnet0 all no-df max-mss 1440 random-id

        """
        let ruleset = try parse(text)
        #expect(ruleset.skippedInterfaces == ["lo0", "tailscale0"])
        #expect(ruleset.options[1].setting == .other(name: "limit", value: "{ states 20000 , frags 5000 }"))
        #expect(ruleset.options[2].setting == .other(name: "optimization", value: "normal"))
        #expect(ruleset.blockPolicy == .return)
        let scrub = try #require(ruleset.scrubRules.first)
        #expect(scrub.interfaces == [PFInterfaceItem(name: "vtnet0")])
        #expect(scrub.noDF && scrub.maxMSS == 1440 && scrub.otherOptions == ["random-id"])
    }

    @Test func ruleHeadVariants() throws {
        let text = """
        antispoof quick for vtnet0 inet
        block return in log quick on ! vtnet0 inet6 proto { tcp udp } from any port 53 to self
        pass quick log on { vtnet0 warden0 } all no state
        nat pass on vtnet0 from 192.168.100.0/24 to any -> 203.0.113.9 static-port

        """
        let ruleset = try PFParser.parse(text: "set require-order no\n" + text, path: "/p")
        let antispoof = try #require(ruleset.antispoofRules.first)
        #expect(antispoof.quick && antispoof.interfaces == [PFInterfaceItem(name: "vtnet0")] && antispoof.family == .inet)
        let block = ruleset.filterRules[0]
        #expect(block.blockPolicy == .return && block.direction == .in && block.log && block.quick)
        #expect(block.interfaces == [PFInterfaceItem(name: "vtnet0", negated: true)])
        #expect(block.protocols == [.tcp, .udp] && block.from.ports == [.equal(53)])
        #expect(block.to.addresses == [PFAddressItem(.selfAddresses)])
        let pass = ruleset.filterRules[1]
        #expect(pass.quick && pass.log && pass.interfaces.map(\.name) == ["vtnet0", "warden0"])
        #expect(pass.state == PFStateOptions(kind: .none))
        let nat = try #require(ruleset.natRules.first)
        #expect(nat.pass && nat.options == ["static-port"])
        #expect(nat.target == [PFAddressItem(.ipv4(IPv4Network("203.0.113.9/32")!))])
    }

    @Test func stateOptionsBeyondTheTypedOnesAreKept() throws {
        let text = "pass in proto tcp to port 22 modulate state (max 100, source-track rule, tcp.established 600, if-bound)\n"
        let state = try #require(try parse(text).filterRules.first?.state)
        #expect(state.kind == .modulate)
        #expect(state.otherOptions == ["max 100", "source-track rule", "tcp.established 600", "if-bound"])
        #expect(state.maxSrcConn == nil && state.overloadTable == nil && !state.flush)
    }

    @Test func emptyAndCommentOnlyFilesGiveAnEmptyRuleset() throws {
        #expect(try parse("") == PFRuleset())
        #expect(try parse("# nothing\n\n   \n# pass all\n") == PFRuleset())
    }
}
