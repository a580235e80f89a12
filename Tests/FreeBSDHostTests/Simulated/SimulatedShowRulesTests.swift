import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// `pfctl -s rules` prints the rules pfctl made of the file, in the shapes of
/// sbin/pfctl/tests/files/*.ok: lists expanded, ports named from /etc/services, the family
/// inferred, `flags S/SA` on stateful pass rules, and on 15.0 `nat` as `match … nat-to`.
@Suite struct SimulatedShowRulesTests {
    static let rules = """
    ext_if = "vtnet0"
    nat_net = "10.83.0.0/24"
    public_tcp = "{ 80 443 }"
    icmp_types = "{ echoreq, unreach }"
    table <bruteforce> persist
    set skip on lo0
    scrub in all fragment reassemble
    nat on $ext_if inet from $nat_net to any -> ($ext_if)
    block in all
    block quick from <bruteforce> to any
    pass out all keep state
    pass in on $ext_if inet proto tcp from any to ($ext_if) port 22 flags S/SA keep state (max-src-conn 5, max-src-conn-rate 3/60, overload <bruteforce> flush global)
    pass in on $ext_if proto tcp from any to ($ext_if) port $public_tcp keep state
    pass in on $ext_if inet proto icmp icmp-type $icmp_types keep state
    pass in on $ext_if inet proto udp from any to any port 41641 keep state
    pass in on tailscale0 proto tcp from any to any port { 22 5900 } keep state
    pass on bridge0 from $nat_net to any keep state

    """

    static let filterLines = """
    block drop in all
    block drop quick from <bruteforce> to any
    pass out all flags S/SA keep state
    pass in on vtnet0 inet proto tcp from any to (vtnet0) port = ssh flags S/SA keep state (source-track rule, max-src-conn 5, max-src-conn-rate 3/60, overload <bruteforce> flush global, src.track 60)
    pass in on vtnet0 proto tcp from any to (vtnet0) port = http flags S/SA keep state
    pass in on vtnet0 proto tcp from any to (vtnet0) port = https flags S/SA keep state
    pass in on vtnet0 inet proto icmp all icmp-type echoreq keep state
    pass in on vtnet0 inet proto icmp all icmp-type unreach keep state
    pass in on vtnet0 inet proto udp from any to any port = 41641 keep state
    pass in on tailscale0 proto tcp from any to any port = ssh flags S/SA keep state
    pass in on tailscale0 proto tcp from any to any port = vnc-server flags S/SA keep state
    pass on bridge0 inet from 10.83.0.0/24 to any flags S/SA keep state

    """

    private func shown(on version: String) throws -> String {
        var profile = try HostProfile.decode(Data(contentsOf: URL(fileURLWithPath: SimulatedSupport.plansProfilePath("cloud-vm"))), path: "cloud-vm.json")
        profile.freebsdVersion = version
        let host = try SimulatedSupport.host(profile)
        try host.write("/etc/pf.conf", Self.rules)
        try host.sh("/sbin/kldload", "pf")
        #expect(try host.sh("/sbin/pfctl", "-f", "/etc/pf.conf").succeeded)
        return try host.sh("/sbin/pfctl", "-s", "rules").stdoutText
    }

    /// 14.x keeps `nat` in the nat ruleset (`pfctl -s nat`): `-s rules` shows scrub and filter.
    @Test func fourteenPrintsScrubAndTheExpandedFilterRules() throws {
        #expect(try shown(on: "14.3-RELEASE") == "scrub in all fragment reassemble\n" + Self.filterLines)
    }

    /// 15.0 turns the old `nat … -> (IF)` into a filter rule, printed where it stands.
    @Test func fifteenPrintsNatAsAMatchRule() throws {
        #expect(try shown(on: "15.0-RELEASE") == """
            scrub in all fragment reassemble
            match out on vtnet0 inet from 10.83.0.0/24 to any nat-to (vtnet0) round-robin

            """ + Self.filterLines)
    }

    /// The checks the tool makes on loaded rules read lines of this shape, also FreeBSD's own
    /// regression output when ../shared/freebsd-src is beside the clone.
    @Test func loadedRuleLinesReadTheRealFormat() throws {
        for version in ["14.3-RELEASE", "15.0-RELEASE"] {
            let loaded = LoadedPFRule.parse(try shown(on: version))
            #expect(loaded.contains { $0.mentions(table: "bruteforce") })
            #expect(loaded.contains { $0.action == "pass" && $0.interface == "tailscale0" })
            #expect(!loaded.contains { $0.action == "pass" && $0.interface == "tailscale" })
        }
        guard let ok = FreeBSDSources.read("pfctl-tests/pf0048.ok") else { return }
        let real = LoadedPFRule.parse(ok)
        #expect(real.filter { $0.action == "pass" }.count == 6)
        #expect(real.contains { $0.mentions(table: "regress.1") })
        #expect(real.contains { $0.action == "match" && $0.interface == "lo0" })
        #expect(!real.contains { $0.action == "match" && $0.interface == "!" })
    }
}
