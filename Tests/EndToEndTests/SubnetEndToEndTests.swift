import Foundation
import Testing
import TestSupport

/// The subnet phase through the built binary: the jail networks advertised to the tailnet as
/// Tailscale subnet routes, tailnet peers let through to them and nothing else, on a host that
/// has gone through firstboot, lockdown and vnet.
@Suite struct SubnetEndToEndTests {
    static let config = """
    boot_phases="firstboot lockdown vnet subnet"
    tailnet_wait="2"
    tailscale_hostname="agent-7"
    extra_bridges="warden1:192.168.101.1/24"
    jail_loopback_address="192.168.255.1/24"
    tailscale_subnet_routes="auto"

    """
    static let routes = ["192.168.100.0/24", "192.168.101.0/24", "192.168.255.0/24"]

    /// A host with firstboot, lockdown and vnet applied, on a tailnet that treats advertised
    /// routes as `approval` says.
    static func prepared(approval: String = "approved", config: String = SubnetEndToEndTests.config) throws -> Tool {
        let data = try Data(contentsOf: URL(fileURLWithPath: try Tool.lockdownProfile()))
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var tailscale = object["tailscale"] as! [String: Any]
        tailscale["route_approval"] = approval
        object["tailscale"] = tailscale
        let scratch = try TemporaryDirectory.keptUntilExit()
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: scratch + "/profile.json"))
        try config.write(toFile: scratch + "/site.conf", atomically: true, encoding: .utf8)
        let tool = try Tool(profile: scratch + "/profile.json", config: scratch + "/site.conf")
        for phase in ["firstboot", "lockdown", "vnet"] {
            let applied = try tool.run(["apply", "--phase", phase])
            precondition(applied.exitCode == 0, applied.stderr)
        }
        return tool
    }

    static func probe(_ tool: Tool, _ arguments: [String]) throws -> String {
        try tool.run(["simulate", "probe", "--proto", "tcp"] + arguments).stdout
    }

    /// `tailscale debug prefs`, from a facts profile.
    static func prefs(_ tool: Tool) throws -> [String: Any] {
        let facts = try tool.facts()
        let prefs = try #require(try VnetEndToEndTests.transcript(facts, ["/usr/local/bin/tailscale", "debug", "prefs"]))
        return try JSONSerialization.jsonObject(with: Data(prefs.utf8)) as! [String: Any]
    }

    /// The routes the node advertises.
    static func advertised(_ tool: Tool) throws -> [String] {
        try prefs(tool)["AdvertiseRoutes"] as? [String] ?? []
    }

    /// The tables pf has loaded (`pfctl -s Tables`).
    static func loadedTables(_ tool: Tool) throws -> [String] {
        try VnetEndToEndTests.transcript(try tool.facts(), ["/sbin/pfctl", "-s", "Tables"])?.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? []
    }

    /// The safety invariants, judged on the loaded rules: SSH over the tailnet passes, SSH on
    /// the external interface and anything from outside to a jail do not.
    static func expectManagementPath(_ tool: Tool, _ comment: Comment? = nil) throws {
        #expect(try probe(tool, ["--in", "tailscale0", "--port", "22"]).hasPrefix("pass\n"), comment)
        #expect(try probe(tool, ["--in", "vtnet0", "--port", "22"]).hasPrefix("block\n"), comment)
        #expect(try probe(tool, ["--in", "vtnet0", "--port", "80", "--from", "203.0.113.9", "--to", "192.168.100.5"]).hasPrefix("block\n"), comment)
    }

    @Test func advertisingOnARunningNodeOpensTheJailsToTheTailnetOnlyAndSurvivesAReboot() throws {
        let tool = try Self.prepared()
        let plan = try tool.run(["plan", "--phase", "subnet"])
        #expect(plan.exitCode == 2)
        #expect(plan.stdout.contains("$ /usr/local/bin/tailscale set --advertise-routes=192.168.100.0/24,192.168.101.0/24,192.168.255.0/24"))
        #expect(plan.stdout.contains("+table <tailnet_routes> persist { 192.168.100.0/24, 192.168.101.0/24, 192.168.255.0/24 }"))
        let applied = try tool.run(["apply", "--phase", "subnet"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        #expect(try Self.advertised(tool) == Self.routes)
        // `tailscale set` changed the one preference: the node kept its name, and `up` (which
        // would have demanded every setting again) never ran a second time.
        #expect(try Self.prefs(tool)["Hostname"] as? String == "agent-7")
        #expect(try tool.journalLines().filter { $0.contains("tailscale\",\"up\"") }.count == 1)
        let status = try tool.run(["status"]).stdout
        #expect(status.contains("subnet routes: 192.168.100.0/24 approved; 192.168.101.0/24 approved; 192.168.255.0/24 approved"), "\(status)")
        // A tailnet peer reaches a jail; the jail answers the peer's own address through its
        // gateway, the host, which routes the reply back out on tailscale0.
        let path = try Self.probe(tool, ["--in", "tailscale0", "--port", "80", "--from", "100.64.0.7", "--to", "192.168.100.5"])
        #expect(path.hasPrefix("pass\n"), "\(path)")
        #expect(path.contains("forwarded (net.inet.ip.forwarding=1), out on warden0: pass"))
        #expect(path.contains("reply 192.168.100.5 -> 100.64.0.7 through its gateway 192.168.100.1: in on warden0, routed out on tailscale0"))
        #expect(try Self.probe(tool, ["--in", "vtnet0", "--port", "80", "--from", "100.64.0.7", "--to", "192.168.100.5"]).hasPrefix("block\n"))
        // --to asks for the way, which needs the source and is told in text.
        let noSource = try tool.run(["simulate", "probe", "--in", "tailscale0", "--proto", "tcp", "--port", "80", "--to", "192.168.100.5"])
        #expect(noSource.exitCode == 64 && noSource.stderr.contains("--to needs --from"))
        let json = try tool.run(["simulate", "probe", "--in", "tailscale0", "--proto", "tcp", "--port", "80", "--from", "100.64.0.7", "--to", "192.168.100.5", "--json"])
        #expect(json.exitCode == 64 && json.stderr.contains("drop --json"))
        // Only tailnet sources: another address arriving on tailscale0 is not let through.
        #expect(try Self.probe(tool, ["--in", "tailscale0", "--port", "80", "--from", "10.9.9.9", "--to", "192.168.101.5"]).hasPrefix("block\n"))
        try Self.expectManagementPath(tool)
        #expect(try tool.run(["plan"]).exitCode == 0)

        // A cold boot: the routes are tailscaled's preferences and come back with it; pf_reload
        // binds the tailscale0 rules once the interface exists.
        let boot = try tool.run(["simulate", "reboot"])
        #expect(boot.stdout.contains("pf_reload"))
        #expect(try Self.advertised(tool) == Self.routes)
        #expect(try Self.probe(tool, ["--in", "tailscale0", "--port", "80", "--from", "100.64.0.7", "--to", "192.168.255.9"]).hasPrefix("pass\n"))
        try Self.expectManagementPath(tool)
        #expect(try tool.run(["plan"]).exitCode == 0)
    }

    @Test func narrowingOrEmptyingTheListWithdrawsTheRoutesNoLongerNamedAndTheirWay() throws {
        let tool = try Self.prepared()
        #expect(try tool.run(["apply", "--phase", "subnet"]).exitCode == 0)
        try (Self.config.replacingOccurrences(of: "tailscale_subnet_routes=\"auto\"", with: "tailscale_subnet_routes=\"192.168.101.0/24\""))
            .write(toFile: tool.config, atomically: true, encoding: .utf8)
        let plan = try tool.run(["plan", "--phase", "subnet"]).stdout
        #expect(plan.contains("$ /usr/local/bin/tailscale set --advertise-routes=192.168.101.0/24\n"), "\(plan)")
        #expect(try tool.run(["apply", "--phase", "subnet"]).exitCode == 0)
        #expect(try Self.advertised(tool) == ["192.168.101.0/24"])
        #expect(try Self.probe(tool, ["--in", "tailscale0", "--port", "80", "--from", "100.64.0.7", "--to", "192.168.100.5"]).hasPrefix("block\n"))
        #expect(try Self.probe(tool, ["--in", "tailscale0", "--port", "80", "--from", "100.64.0.7", "--to", "192.168.101.5"]).hasPrefix("pass\n"))
        #expect(try tool.run(["plan"]).exitCode == 0)
        // Emptied, the key withdraws every route and takes the rule and its table away.
        try (Self.config.replacingOccurrences(of: "tailscale_subnet_routes=\"auto\"", with: "tailscale_subnet_routes=\"\""))
            .write(toFile: tool.config, atomically: true, encoding: .utf8)
        let off = try tool.run(["apply", "--phase", "subnet"])
        #expect(off.exitCode == 0, "\(off.stderr)")
        #expect(try Self.advertised(tool).isEmpty)
        #expect(try Self.loadedTables(tool) == ["bruteforce", "clawdie_jails"])
        #expect(try Self.probe(tool, ["--in", "tailscale0", "--port", "80", "--from", "100.64.0.7", "--to", "192.168.101.5"]).hasPrefix("block\n"))
        try Self.expectManagementPath(tool)
        #expect(try tool.run(["plan"]).exitCode == 0)
        // Rollback undoes the three applications, back to no routes at all.
        let rolled = try tool.run(["rollback", "--phase", "subnet"])
        #expect(rolled.exitCode == 0, "\(rolled.stderr)")
        #expect(try Self.advertised(tool).isEmpty)
        #expect(try Self.loadedTables(tool) == ["bruteforce", "clawdie_jails"])
    }

    @Test func aPendingApprovalIsNotAnErrorAndShowsInStatusUntilItArrives() throws {
        let tool = try Self.prepared(approval: "pending")
        let applied = try tool.run(["apply", "--phase", "subnet"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let status = try tool.run(["status"])
        #expect(status.stdout.hasPrefix("complete: "))
        #expect(status.stdout.contains("subnet routes: 192.168.100.0/24 advertised, awaiting approval;"), "\(status.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(try tool.run(["status", "--json"]).stdout.utf8)) as! [String: Any]
        #expect((json["subnet_routes"] as! [[String: String]]).map { $0["state"]! } == Array(repeating: "awaiting-approval", count: 3))
        // The tailnet's admin approves later: nothing on the host changes, status follows.
        #expect(try tool.run(["simulate", "approve-routes"]).stdout == "approved: " + Self.routes.joined(separator: ", ") + "\n")
        #expect(try tool.run(["status"]).stdout.contains("192.168.100.0/24 approved; 192.168.101.0/24 approved; 192.168.255.0/24 approved"))
        #expect(try tool.run(["plan"]).exitCode == 0)
    }

    @Test func waitingForApprovalIsBoundedAndWithdrawsTheRoutesWhenItDoesNotCome() throws {
        let tool = try Self.prepared(approval: "pending", config: Self.config + "tailscale_route_approval_wait=\"1\"\n")
        let failed = try tool.run(["apply", "--phase", "subnet"])
        #expect(failed.exitCode == 1)
        #expect(failed.stderr.contains("timed out after 1 s waiting for the tailnet's approval of the subnet routes"), "\(failed.stderr)")
        #expect(failed.stderr.contains("still awaiting approval"))
        #expect(try Self.advertised(tool).isEmpty)
        try Self.expectManagementPath(tool)
    }

    @Test func rollbackWithdrawsTheRoutesAndTheRulesAndLeavesTheVnetPhasesForwarding() throws {
        let tool = try Self.prepared()
        let before = try tool.facts()
        #expect(try tool.run(["apply", "--phase", "subnet"]).exitCode == 0)
        // The vnet phase cannot go while the subnet phase stands on its forwarding and pf.conf.
        let refused = try tool.run(["rollback", "--phase", "vnet"])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("subnet"), "\(refused.stderr)")
        let rolled = try tool.run(["rollback", "--phase", "subnet"])
        #expect(rolled.exitCode == 0, "\(rolled.stderr)")
        #expect(rolled.stdout == "rolled back: \(try RegistryPhase("subnet").rollbackOrder.joined(separator: ", "))\n")
        #expect(try tool.facts() == before)
        #expect(try Self.advertised(tool).isEmpty)
        #expect(try Self.probe(tool, ["--in", "tailscale0", "--port", "80", "--from", "100.64.0.7", "--to", "192.168.100.5"]).hasPrefix("block\n"))
        try Self.expectManagementPath(tool)
        // Applied again, it comes back the same.
        #expect(try tool.run(["apply", "--phase", "subnet"]).exitCode == 0)
        #expect(try Self.advertised(tool) == Self.routes)
    }

    @Test func anUnconfirmedSubnetChangeIsReverted() throws {
        let tool = try Self.prepared()
        let applied = try tool.run(["apply", "--phase", "subnet", "--confirm-within", "5"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        #expect(applied.stderr.contains("subnet-pf is waiting for confirmation"))
        #expect(try Self.advertised(tool) == Self.routes)
        #expect(try LockdownEndToEndTests.eventually(20) { try Self.advertised(tool).isEmpty })
        #expect(try LockdownEndToEndTests.eventually(5) {
            try Self.probe(tool, ["--in", "tailscale0", "--port", "80", "--from", "100.64.0.7", "--to", "192.168.100.5"]).hasPrefix("block\n")
        })
        #expect(try tool.run(["status"]).stdout.contains("subnet-pf was reverted because it was not confirmed in time — run apply --phase subnet"))
        try Self.expectManagementPath(tool)
    }

    /// The binary killed after every durable journal write of the subnet phase, then run
    /// again: the management path stays open at every point, on the rules loaded then, and
    /// the host ends as after an uninterrupted apply.
    @Test func aCrashAtEveryFailPointKeepsTheManagementPathAndResumesToTheSameHost() throws {
        let base = try Self.prepared()
        let reference = try Tool(profile: base.profile, config: base.config)
        try FileManager.default.copyItem(atPath: base.stateDirectory, toPath: reference.stateDirectory)
        let journalBefore = try reference.journalLines().count
        #expect(try reference.run(["apply", "--phase", "subnet"]).exitCode == 0)
        let expected = try reference.facts()
        let points = try reference.journalLines().count - journalBefore
        #expect(points >= 8)
        for point in 1...points {
            let tool = try Tool(profile: base.profile, config: base.config)
            try FileManager.default.copyItem(atPath: base.stateDirectory, toPath: tool.stateDirectory)
            let crashed = try tool.run(["apply", "--phase", "subnet"], environment: ["CLAWDIE_FIRSTBOOT_FAILPOINT": String(point)])
            #expect(crashed.status == .signaled(9), "fail point \(point): \(crashed.stderr)")
            try Self.expectManagementPath(tool, "after a crash at fail point \(point)")
            let resumed = try tool.run(["apply", "--phase", "subnet"])
            #expect(resumed.exitCode == 0, "resume after fail point \(point): \(resumed.stderr)")
            #expect(try tool.facts() == expected, "host after a crash at fail point \(point)")
        }
    }

    /// A plan of all four phases on a fresh host ends with the pf.conf apply writes.
    @Test func thePlanOfEveryPhaseEndsWithThePfConfApplyWrites() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path + "/site.conf"
        try Self.config.write(toFile: path, atomically: true, encoding: .utf8)
        let tool = try Tool(profile: try Tool.lockdownProfile(), config: path)
        let writes = try VnetEndToEndTests.plannedPfConfWrites(tool)
        #expect(writes.map(\.step) == ["write-pf-conf", "lockdown-pf", "jail-table", "subnet-pf"])
        #expect(try tool.run(["apply"]).exitCode == 0)
        #expect(writes.last?.after == (try VnetEndToEndTests.pfConfDigest(tool)))
    }

    @Test(arguments: [
        ("tailscale_subnet_routes=\"192.168.100.7/24\"\n", ":1: tailscale_subnet_routes=\"192.168.100.7/24\": 192.168.100.7/24 is not a network in CIDR form with no host bits"),
        ("tailscale_subnet_routes=\"10.0.0.0/8\"\n", ":1: tailscale_subnet_routes lists 10.0.0.0/8, which is neither a jail network (192.168.100.0/24) nor inside nat_network 192.168.0.0/16"),
        ("tailscale_subnet_routes=\"192.168.100.0/24 192.168.100.0/25\"\n", ":1: tailscale_subnet_routes lists 192.168.100.0/25, which overlaps 192.168.100.0/24"),
        ("tailscale_subnet_routes=\"auto 192.168.100.0/24\"\n", ":1: tailscale_subnet_routes=\"auto 192.168.100.0/24\": auto is not a network in CIDR form"),
        ("tailscale_route_approval_wait=\"-1\"\n", ":1: tailscale_route_approval_wait=\"-1\": expected a whole number from 0 to 3600"),
    ])
    func badRouteSettingsAreConfigurationErrorsThatChangeNothing(config: String, message: String) throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path + "/site.conf"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        let tool = try Tool(config: path)
        let result = try tool.run(["apply", "--phase", "subnet"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try tool.journalLines().isEmpty)
    }
}
