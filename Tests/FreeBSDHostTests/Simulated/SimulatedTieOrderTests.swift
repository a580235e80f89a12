import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import FreeBSDHost

/// The simulated boot is ordered by rcorder's algorithm over FreeBSD's own rc.d headers plus
/// the host's local scripts, and a boot must be right for every order rcorder may give tied
/// scripts: the profile's `rcorder_ties` gives one order of every tie, then the other.
@Suite struct SimulatedTieOrderTests {
    static let hookPath = "/usr/local/etc/rc.d/clawdie_firstboot"

    static var hookScript: String {
        get throws { try RepositoryRoot.read("rc.d/clawdie_firstboot") }
    }

    /// A host with Tailscale up and enabled, pf with tailscale0 rules, pf_reload and the
    /// boot hook installed and enabled.
    static func lockedDown(ties: RCOrder.TieOrder, hook: String? = nil) throws -> SimulatedHost {
        var profile = try HostProfile.load(path: SimulatedSupport.plansProfilePath("cloud-vm"))
        profile.rcorderTies = ties
        let host = try SimulatedSupport.host(profile)
        try host.bootstrapPkg()
        try host.sh("/usr/sbin/pkg", "install", "-y", "tailscale")
        try host.sh("/usr/sbin/sysrc", "tailscaled_enable=YES")
        try host.sh("/usr/sbin/service", "tailscaled", "start")
        try host.writeFile(TailscaleFixture.keyPath, contents: Data(TailscaleFixture.key.utf8), mode: 0o600, owner: .root)
        try host.tailscale("up", TailscaleFixture.keyArgument, "--hostname=clawdie-vm")
        try host.write("/etc/pf.conf", SimulatedBootOrderTests.pfRules, mode: 0o600)
        try host.sh("/usr/sbin/sysrc", "pf_enable=YES", "pf_reload_enable=YES", "clawdie_firstboot_enable=YES")
        try host.write("/usr/local/etc/rc.d/pf_reload", try SimulatedRebootTests.pfReloadScript, mode: 0o555)
        try host.write(hookPath, try hook ?? hookScript, mode: 0o555)
        return host
    }

    /// What the hook finds when /etc/rc reaches it.
    struct Seen: Equatable {
        var tailscaledRunning: Bool
        var tailscale0: Bool
    }

    static func bootSeeing(_ host: SimulatedHost) throws -> (BootReport, Seen?) {
        var seen: Seen?
        let report = try host.reboot { _ in
            seen = Seen(tailscaledRunning: try host.sh("/usr/sbin/service", "tailscaled", "status").succeeded,
                        tailscale0: try host.sh("/sbin/ifconfig", "tailscale0").succeeded)
            return "looked"
        }
        return (report, seen)
    }

    @Test(arguments: RCOrder.TieOrder.allCases)
    func theHookRunsAfterTailscaledAndPFReloadUnderEveryTieOrder(ties: RCOrder.TieOrder) throws {
        let host = try Self.lockedDown(ties: ties)
        let (report, seen) = try Self.bootSeeing(host)
        #expect(seen == Seen(tailscaledRunning: true, tailscale0: true))
        let order = report.scripts.map { PathName.lastComponent(of: $0) }
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for (earlier, later) in [("pf", "netwait"), ("netwait", "NETWORKING"), ("NETWORKING", "tailscaled"), ("tailscaled", "pf_reload"),
                                 ("pf_reload", "clawdie_firstboot"), ("clawdie_firstboot", "syslogd"), ("syslogd", "SERVERS"),
                                 ("clawdie_firstboot", "LOGIN"), ("LOGIN", "sshd")] {
            #expect(try #require(position[earlier]) < #require(position[later]), "\(earlier) before \(later) (\(ties))")
        }
        #expect(report.entry("clawdie_firstboot")?.summary == "looked")
        #expect(host.probe(interface: "tailscale0", protocol: .tcp, port: 22).passes)
    }

    /// With only `REQUIRE: NETWORKING`, the hook and tailscaled get the same sequence number,
    /// and one order of the tie runs the hook before tailscaled has started.
    @Test func aHookRequiringOnlyNetworkingTiesWithTailscaled() throws {
        let networkingOnly = try Self.hookScript.replacingOccurrences(of: "# REQUIRE: NETWORKING tailscaled pf_reload\n", with: "# REQUIRE: NETWORKING\n")
        var seen: [RCOrder.TieOrder: Seen] = [:]
        for ties in RCOrder.TieOrder.allCases {
            seen[ties] = try Self.bootSeeing(try Self.lockedDown(ties: ties, hook: networkingOnly)).1
        }
        #expect(seen[.ascending] == Seen(tailscaledRunning: false, tailscale0: false))
        #expect(seen[.descending] == Seen(tailscaledRunning: true, tailscale0: true))
    }

    /// The sequence numbers of rc-facts.md: pf 22, NETWORKING 25, tailscaled 26, syslogd 30,
    /// SERVERS 32; the project's scripts after tailscaled.
    @Test func sequenceNumbersAreRcordersOverTheRealHeaders() throws {
        let host = try Self.lockedDown(ties: .ascending)
        let scripts = host.state.rcScripts
        let levels = try RCOrder.order(scripts: scripts.map { ($0.path, $0.header) }).levels
        let level = { (name: String) in levels.first { PathName.lastComponent(of: $0.key) == name }?.value }
        #expect(level("pf") == 22)
        #expect(level("NETWORKING") == 25)
        #expect(level("tailscaled") == 26)
        #expect(level("pf_reload") == 27)
        #expect(level("clawdie_firstboot") == 28)
        #expect(level("syslogd") == 30)
        #expect(level("SERVERS") == 32)
        let byName = Dictionary(scripts.map { ($0.name, $0.header) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["devd"]?.keywords == ["nojail", "shutdown"])
        #expect(byName["netwait"]?.keywords == [])
        #expect(byName["syslogd"]?.require == ["mountcritremote", "FILESYSTEMS", "newsyslog", "netif"])
    }

    /// The header table the simulator orders by is the facts file, row for row.
    @Test(.enabled(if: FreeBSDSources.available, FreeBSDSources.absent))
    func theHeaderTablesAreTheFactsFiles() throws {
        #expect(FreeBSDSources.read("rc.d-headers.txt") == BaseRCHeaders.table + "\n")
        #expect(FreeBSDSources.read("rc.d-headers-14x-overrides.txt") == BaseRCHeaders.overrides14 + "\n")
    }

    /// 14.x profiles order by the 14.x headers.
    @Test func fourteenUsesTheFourteenHeaders() throws {
        let fourteen = Dictionary(BaseRCScripts.all(freebsdVersion: "14.3-RELEASE").map { ($0.name, $0.header) }, uniquingKeysWith: { a, _ in a })
        let fifteen = Dictionary(BaseRCScripts.all(freebsdVersion: "15.0-RELEASE").map { ($0.name, $0.header) }, uniquingKeysWith: { a, _ in a })
        #expect(fourteen["sysvipc"]?.require == ["kldxref"])
        #expect(fourteen["sysvipc"] != fifteen["sysvipc"])
        #expect(fourteen["pf"] == fifteen["pf"])
    }
}
