import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import FreeBSDHost

/// The vnet phase through the built binary: forwarding, the jail loopback, extra bridges and
/// the jail table, after firstboot and after lockdown.
@Suite struct VnetEndToEndTests {
    static let vnetConfig = """
    extra_bridges="warden1:192.168.101.1/24 warden2:192.168.102.1/24"
    jail_loopback_address="192.168.255.1/24"
    tailnet_wait="2"

    """

    static func tool(_ config: String = vnetConfig, profile: String? = nil) throws -> Tool {
        let path = try TemporaryDirectory.keptUntilExit() + "/site.conf"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        return try Tool(profile: profile ?? RepositoryRoot.path + "/plans/hosts/cloud-vm.json", config: path)
    }

    static func interfaces(_ facts: String) throws -> [String: [String]] {
        let object = try JSONSerialization.jsonObject(with: Data(facts.utf8)) as! [String: Any]
        var result: [String: [String]] = [:]
        for interface in object["interfaces"] as! [[String: Any]] {
            result[interface["name"] as! String] = interface["inet"] as? [String] ?? []
        }
        return result
    }

    @Test(arguments: Tool.tieOrders)
    func vnetAfterFirstbootSurvivesARebootAndRollsBackToFirstboot(ties: String) throws {
        let tool = try Self.tool(profile: Tool.profile(ties: ties))
        #expect(try tool.run(["apply"]).exitCode == 0)
        // A first reboot: FreeBSD removes /firstboot at the end of it, for good.
        #expect(try tool.run(["simulate", "reboot"]).exitCode == 0)
        let afterFirstboot = try tool.facts()
        let plan = try tool.run(["plan", "--phase", "vnet"])
        #expect(plan.exitCode == 2)
        let applied = try tool.run(["apply", "--phase", "vnet"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        try Self.expectVnet(tool)
        #expect(try tool.run(["simulate", "reboot"]).exitCode == 0)
        try Self.expectVnet(tool)
        #expect(try tool.run(["plan", "--phase", "vnet"]).exitCode == 0)
        #expect(try tool.run(["plan"]).exitCode == 0)
        let rolled = try tool.run(["rollback", "--phase", "vnet"])
        #expect(rolled.exitCode == 0, "\(rolled.stderr)")
        #expect(try tool.facts() == afterFirstboot)
    }

    /// The jail loopback without an address (the default) is brought up now and, through
    /// rc.conf, at every boot: apply, then plan has nothing to do, after reboots too.
    @Test(arguments: ["boot_phases=\"firstboot vnet\"\n", "plans/sites/earlier-layout.conf"])
    func aJailLoopbackWithoutAnAddressConverges(_ config: String) throws {
        let text = config.hasPrefix("plans/") ? try RepositoryRoot.read(config) : config
        let tool = try Self.tool(text)
        let applied = try tool.run(["apply"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let plan = try tool.run(["plan"])
        #expect(plan.exitCode == 0, "\(plan.stdout)")
        for round in 1...2 {
            #expect(try tool.run(["simulate", "reboot"]).exitCode == 0)
            let afterReboot = try tool.run(["plan"])
            #expect(afterReboot.exitCode == 0, "after reboot \(round): \(afterReboot.stdout)")
            #expect(try tool.run(["apply", "--boot"]).exitCode == 0)
            #expect(try tool.run(["plan"]).exitCode == 0)
        }
        #expect(try tool.run(["rollback", "--phase", "vnet"]).exitCode == 0)
        #expect(try tool.run(["plan", "--phase", "firstboot"]).exitCode == 0)
    }

    /// A changed configuration takes effect now as it will at the next boot: an address the
    /// configuration no longer gives leaves its interface, a changed one replaces the old, and
    /// the table of advertised routes goes with the phase that declared it, instead of all
    /// three lingering until a reboot drops them.
    @Test func aChangedConfigurationTakesEffectNowAsAtTheNextBoot() throws {
        let tool = try Self.tool("boot_phases=\"firstboot vnet\"\n" + Self.vnetConfig)
        #expect(try tool.run(["apply"]).exitCode == 0)
        #expect(try Self.interfaces(tool.facts())["clawdie0"] == ["192.168.255.1/24"])
        try "boot_phases=\"firstboot vnet\"\nextra_bridges=\"warden1:192.168.101.2/24 warden2:192.168.102.1/24\"\n"
            .write(toFile: tool.config, atomically: true, encoding: .utf8)
        let applied = try tool.run(["apply"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let now = try Self.interfaces(tool.facts())
        #expect(now["clawdie0"] == [])
        #expect(now["warden1"] == ["192.168.101.2/24"])
        #expect(try tool.run(["simulate", "reboot"]).exitCode == 0)
        #expect(try Self.interfaces(tool.facts()) == now)
    }

    /// Only the address rc.conf gave the loopback goes when it changes: a jail's alias on it
    /// stays, and the new address is added beside it instead of replacing the first one.
    @Test func aChangedLoopbackAddressLeavesAJailsAliasAlone() throws {
        let tool = try Self.tool("boot_phases=\"firstboot vnet\"\n" + Self.vnetConfig)
        #expect(try tool.run(["apply"]).exitCode == 0)
        let host = try SimulatedHost(profilePath: tool.profile, stateDirectory: tool.stateDirectory)
        #expect(try host.run(Command(["/sbin/ifconfig", "clawdie0", "inet", "192.168.255.10/32", "alias"])).succeeded)
        try Self.vnetConfig.replacing("192.168.255.1/24", with: "192.168.254.1/24")
            .write(toFile: tool.config, atomically: true, encoding: .utf8)
        let applied = try tool.run(["apply", "--phase", "vnet"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        #expect(try Self.interfaces(tool.facts())["clawdie0"] == ["192.168.255.10/32", "192.168.254.1/24"])
    }

    /// A `persist` table the new rules no longer declare is killed with the load, as a boot
    /// would not load it: the subnet routes' table after the routes are turned off by a
    /// configuration whose phases the firstboot phase re-renders pf.conf for.
    @Test func aTableTheRulesNoLongerDeclareIsNotLeftLoaded() throws {
        let tool = try Self.tool(try RepositoryRoot.read("plans/sites/subnet.conf"),
                                 profile: RepositoryRoot.path + "/plans/hosts/cloud-vm-tailnet.json")
        #expect(try tool.run(["apply"]).exitCode == 0)
        #expect(try Self.transcript(tool.facts(), ["/sbin/pfctl", "-s", "Tables"])?.contains("tailnet_routes") == true)
        try RepositoryRoot.read("plans/sites/earlier-layout.conf")
            .write(toFile: tool.config, atomically: true, encoding: .utf8)
        let applied = try tool.run(["apply"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let tables = try Self.transcript(tool.facts(), ["/sbin/pfctl", "-s", "Tables"])
        #expect(tables == "bruteforce\nclawdie_jails\n")
        #expect(try tool.run(["simulate", "reboot"]).exitCode == 0)
        #expect(try Self.transcript(tool.facts(), ["/sbin/pfctl", "-s", "Tables"]) == tables)
    }

    /// What a recorded command printed, from a `facts` profile.
    static func transcript(_ facts: String, _ argv: [String]) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(facts.utf8)) as! [String: Any]
        let transcripts = object["transcripts"] as! [[String: Any]]
        return transcripts.first { ($0["argv"] as! [String]) == argv }?["stdout"] as? String
    }

    static func expectVnet(_ tool: Tool) throws {
        let facts = try tool.facts()
        let interfaces = try Self.interfaces(facts)
        #expect(interfaces["warden0"] == ["192.168.100.1/24"])
        #expect(interfaces["warden1"] == ["192.168.101.1/24"])
        #expect(interfaces["warden2"] == ["192.168.102.1/24"])
        #expect(interfaces["clawdie0"] == ["192.168.255.1/24"])
        #expect(facts.contains("table <clawdie_jails> persist { 192.168.100.0/24, 192.168.101.0/24, 192.168.102.0/24, 192.168.255.0/24 }"))
        // The table is loaded, and forwarding is on.
        #expect(try Self.transcript(facts, ["/sbin/pfctl", "-t", "clawdie_jails", "-T", "show"])
            == "   192.168.100.0/24\n   192.168.101.0/24\n   192.168.102.0/24\n   192.168.255.0/24\n")
        #expect(try Self.transcript(facts, ["/sbin/sysctl", "-n", "net.inet.ip.forwarding"]) == "1\n")
        #expect(try tool.run(["simulate", "probe", "--in", "vtnet0", "--proto", "tcp", "--port", "22"]).stdout.hasPrefix("pass\n"))
        #expect(try tool.run(["simulate", "probe", "--in", "warden1", "--proto", "tcp", "--port", "443", "--from", "192.168.101.20"]).stdout.hasPrefix("pass\n"))
    }

    @Test func vnetAfterLockdownKeepsSSHOnTheTailnetAndRollbackGoesInOrder() throws {
        let tool = try Self.tool(profile: try Tool.lockdownProfile())
        #expect(try tool.run(["apply"]).exitCode == 0)
        #expect(try tool.run(["apply", "--phase", "lockdown"]).exitCode == 0)
        let applied = try tool.run(["apply", "--phase", "vnet"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        #expect(try tool.run(["simulate", "probe", "--in", "vtnet0", "--proto", "tcp", "--port", "22"]).stdout.hasPrefix("block\n"))
        #expect(try tool.run(["simulate", "probe", "--in", "tailscale0", "--proto", "tcp", "--port", "22"]).stdout.hasPrefix("pass\n"))
        #expect(try tool.facts().contains("table <clawdie_jails> persist"))
        // Lockdown cannot be rolled back under the vnet phase's pf.conf.
        let refused = try tool.run(["rollback", "--phase", "lockdown"])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("cannot roll back lockdown-pf: /etc/pf.conf was changed after it by jail-table, which stays; roll back phase vnet first"))
        #expect(try tool.run(["rollback", "--phase", "vnet"]).exitCode == 0)
        #expect(try tool.run(["simulate", "probe", "--in", "tailscale0", "--proto", "tcp", "--port", "22"]).stdout.hasPrefix("pass\n"))
        #expect(try tool.run(["rollback", "--phase", "lockdown"]).exitCode == 0)
        #expect(try tool.run(["simulate", "probe", "--in", "vtnet0", "--proto", "tcp", "--port", "22"]).stdout.hasPrefix("pass\n"))
    }

    @Test(arguments: [
        ("extra_bridges=\"warden1:10.9.0.1/24\"\n", ":1: extra_bridges warden1 10.9.0.1/24 lies outside nat_network 192.168.0.0/16"),
        ("extra_bridges=\"warden1:192.168.100.7/24\"\n", ":1: extra_bridges warden1 192.168.100.7/24 overlaps bridge_address 192.168.100.1/24"),
        ("extra_bridges=\"warden1:192.168.101.1/24 warden2:192.168.101.129/25\"\n", ":1: extra_bridges warden2 192.168.101.129/25 overlaps extra_bridges warden1 192.168.101.1/24"),
        ("jail_loopback_address=\"192.168.101.1/24\"\nextra_bridges=\"warden1:192.168.101.5/24\"\n", ":1: jail_loopback_address 192.168.101.1/24 overlaps extra_bridges warden1 192.168.101.5/24"),
        ("extra_bridges=\"warden0:192.168.101.1/24\"\n", ":1: extra_bridges uses the name warden0, which bridge_name uses too"),
        ("extra_bridges=\"warden1\"\n", ":1: extra_bridges=\"warden1\": expected NAME:ADDRESS/PREFIX pairs"),
    ])
    func badJailNetworksAreConfigurationErrorsNamingBothNetworks(config: String, message: String) throws {
        let tool = try Self.tool(config)
        let result = try tool.run(["apply", "--phase", "firstboot", "--phase", "vnet"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try tool.journalLines().isEmpty)
    }

    @Test func aJailNetworkOverlappingAHostAddressIsRefusedBeforeAnythingChanges() throws {
        // The cloud VM's vtnet0 is 10.0.2.15/24; a pool that holds it lets a bridge claim it.
        let clash = try Self.tool("nat_network=\"10.0.0.0/8\"\nbridge_address=\"10.83.0.1/24\"\nextra_bridges=\"warden1:10.0.2.1/24\"\n")
        #expect(try clash.run(["apply"]).exitCode == 0)
        let before = try clash.facts()
        let result = try clash.run(["apply", "--phase", "vnet"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("extra_bridges warden1 10.0.2.1/24 overlaps vtnet0's address 10.0.2.15/24"))
        #expect(try clash.facts() == before)
    }

    /// The agent bridge is a jail network too: one that overlaps a host interface's network is
    /// refused before anything changes, by every phase that puts it on the host, plan and apply.
    @Test(arguments: ["", "boot_phases=\"firstboot vnet\"\n"])
    func aBridgeOverlappingAHostAddressIsRefusedBeforeAnythingChanges(_ phases: String) throws {
        // The cloud VM's vtnet0 is 10.0.2.15/24.
        let clash = try Self.tool("nat_network=\"10.0.0.0/8\"\nbridge_address=\"10.0.2.1/24\"\n" + phases)
        let before = try clash.facts()
        for command in [["plan"], ["apply"], ["apply", "--boot"]] {
            let result = try clash.run(command)
            #expect(result.exitCode == 1, "\(command)")
            #expect(result.stderr.contains("bridge_address 10.0.2.1/24 overlaps vtnet0's address 10.0.2.15/24; give it a network of its own"),
                    "\(command): \(result.stderr)")
        }
        #expect(try clash.facts() == before)
    }

    /// The same when the bridge's address is changed after firstboot: vnet, whose jail table
    /// routes the bridge's network, refuses it too.
    @Test func vnetRefusesABridgeChangedToOverlapAHostAddress() throws {
        let tool = try Self.tool("nat_network=\"10.0.0.0/8\"\nbridge_address=\"10.83.0.1/24\"\n")
        #expect(try tool.run(["apply"]).exitCode == 0)
        try "nat_network=\"10.0.0.0/8\"\nbridge_address=\"10.0.2.1/24\"\n".write(toFile: tool.config, atomically: true, encoding: .utf8)
        let before = try tool.facts()
        for command in [["plan", "--phase", "vnet"], ["apply", "--phase", "vnet"]] {
            let result = try tool.run(command)
            #expect(result.exitCode == 1, "\(command)")
            #expect(result.stderr.contains("bridge_address 10.0.2.1/24 overlaps vtnet0's address 10.0.2.15/24"), "\(command): \(result.stderr)")
        }
        #expect(try tool.facts() == before)
    }

    /// The steps of a JSON plan that write /etc/pf.conf, with the SHA-256 of what each writes.
    static func plannedPfConfWrites(_ tool: Tool) throws -> [(step: String, after: String)] {
        let plan = try JSONSerialization.jsonObject(with: Data(try tool.run(["plan", "--json"]).stdout.utf8)) as! [String: Any]
        var writes: [(step: String, after: String)] = []
        for step in plan["steps"] as! [[String: Any]] {
            for change in step["changes"] as! [[String: Any]] where change["path"] as? String == "/etc/pf.conf" {
                writes.append((step["id"] as! String, change["after_sha256"] as! String))
            }
        }
        return writes
    }

    /// SHA-256 of the host's /etc/pf.conf.
    static func pfConfDigest(_ tool: Tool) throws -> String {
        let facts = try JSONSerialization.jsonObject(with: Data(try tool.facts().utf8)) as! [String: Any]
        return SHA256.hex(((facts["files"] as! [String: Any])["/etc/pf.conf"] as! [String: Any])["content"] as! String)
    }

    /// A plan of several phases on a fresh host: each writer of /etc/pf.conf plans on the steps
    /// before it as done, as apply runs it, so jail-table keeps lockdown's rules in the plan too
    /// and the last planned file is the one apply leaves.
    @Test func thePlanOfSeveralPhasesEndsWithThePfConfApplyWrites() throws {
        let tool = try Self.tool(Self.vnetConfig + "boot_phases=\"firstboot lockdown vnet\"\n", profile: try Tool.lockdownProfile())
        let writes = try Self.plannedPfConfWrites(tool)
        #expect(writes.map(\.step) == ["write-pf-conf", "lockdown-pf", "jail-table"])
        #expect(try tool.run(["apply"]).exitCode == 0)
        #expect(writes.last?.after == (try Self.pfConfDigest(tool)))
    }

    /// What `plan` lists is what `apply` does: the targets of the plan's changes, step by step,
    /// are the journal's change records, across all three phases on a fresh host.
    @Test func thePlanIsWhatApplyDoes() throws {
        let tool = try Self.tool(Self.vnetConfig + "boot_phases=\"firstboot lockdown vnet\"\n", profile: try Tool.lockdownProfile())
        let plan = try JSONSerialization.jsonObject(with: Data(try tool.run(["plan", "--json"]).stdout.utf8)) as! [String: Any]
        var planned: [String] = []
        for step in plan["steps"] as! [[String: Any]] {
            for change in step["changes"] as! [[String: Any]] {
                let target = change["path"] as? String ?? (change["key"] as? String) ?? (change["argv"] as! [String]).joined(separator: " ")
                planned.append("\(step["id"]!) \(target)")
            }
        }
        #expect(try tool.run(["apply"]).exitCode == 0)
        var done: [String] = []
        for line in try tool.journalLines() where line.contains("\"type\":\"change-recorded\"") {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let change = record["change"] as! [String: Any]
            let target = change["path"] as? String ?? (change["key"] as? String) ?? (change["argv"] as! [String]).joined(separator: " ")
            done.append("\(record["step"]!) \(target)")
        }
        // A plan cannot know what a deferred step will find: only lockdown-pf's file and reload
        // are listed for it, which is all it does.
        #expect(planned == done)
    }
}
