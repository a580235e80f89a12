import Foundation
import Testing
import TestSupport

/// The firstboot phase driven through the built binary against the simulated cloud VM.
@Suite struct FirstbootEndToEndTests {
    @Test func planThenApplyThenAnEmptyPlan() throws {
        let tool = try Tool()
        let phase = try RegistryPhase.firstboot()
        let fresh = try tool.run(["plan"])
        #expect(fresh.exitCode == 2)
        #expect(fresh.stdout.hasPrefix("Plan: \(phase.changing.count) of \(phase.count) steps change the host"))
        let json = try tool.run(["plan", "--json"])
        #expect(json.exitCode == 2)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["format_version"] as? Int == 1)
        let applied = try tool.run(["apply"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let again = try tool.run(["plan"])
        #expect(again.exitCode == 0)
        #expect(again.stdout.hasPrefix("No changes"))
        let status = try tool.run(["status"])
        #expect(status.stdout == "complete: \(phase.done(phase.count))\n")
        // A second apply changes nothing and adds only its run records.
        let before = try tool.journalLines().count
        #expect(try tool.run(["apply"]).exitCode == 0)
        #expect(try tool.journalLines().count == before + 2)
    }

    /// The binary killed (SIGKILL) after every durable journal write of a full apply, then
    /// run again: the host ends exactly as after an uninterrupted apply.
    @Test func aCrashAtEveryFailPointResumesToTheSameHost() throws {
        let reference = try Tool()
        #expect(try reference.run(["apply"]).exitCode == 0)
        let expected = try reference.facts()
        let points = try reference.journalLines().count
        #expect(points >= 20)
        for point in 1...points {
            let tool = try Tool()
            let crashed = try tool.run(["apply"], environment: ["CLAWDIE_FIRSTBOOT_FAILPOINT": String(point)])
            #expect(crashed.status == .signaled(9), "fail point \(point): \(crashed.stderr)")
            let resumed = try tool.run(["apply"])
            #expect(resumed.exitCode == 0, "resume after fail point \(point): \(resumed.stderr)")
            #expect(try tool.facts() == expected, "host after a crash at fail point \(point)")
        }
    }

    @Test func aFailingPfctlCheckLeavesPfConfUntouchedAndTheNextApplyCompletes() throws {
        let profile = try Tool.profile(faults: [["argv": ["/sbin/pfctl", "-nf"], "exit_status": 1,
                                                 "stderr": "/etc/pf.conf:7: syntax error\n", "times": 1]])
        let tool = try Tool(profile: profile)
        let failed = try tool.run(["--quiet", "apply"])
        #expect(failed.exitCode == 1)
        #expect(failed.stderr.contains("step write-pf-conf failed"))
        #expect(failed.stderr.contains("/etc/pf.conf:7: syntax error"))
        #expect(failed.stderr.split(separator: "\n").count == 1)
        #expect(!(try tool.facts()).contains("\"/etc/pf.conf\""))
        #expect(try tool.run(["status"]).stdout.hasPrefix("failed: step write-pf-conf failed"))
        let retried = try tool.run(["apply"])
        #expect(retried.exitCode == 0, "\(retried.stderr)")
        #expect(try tool.run(["status"]).stdout.hasPrefix("complete"))
    }

    @Test func rollbackReturnsTheHostToItsProfile() throws {
        let tool = try Tool()
        let original = try tool.facts()
        #expect(try tool.run(["apply"]).exitCode == 0)
        #expect(try tool.facts() != original)
        let rolled = try tool.run(["rollback"])
        #expect(rolled.exitCode == 0)
        #expect(rolled.stdout == "rolled back: \(try RegistryPhase.firstboot().rollbackOrder.joined(separator: ", "))\n")
        #expect(try tool.facts() == original)
        #expect(try tool.run(["plan"]).exitCode == 2)
    }

    @Test(arguments: Tool.tieOrders)
    func afterARebootTheBridgePfAndSSHAreStillThere(ties: String) throws {
        let tool = try Tool(profile: Tool.profile(ties: ties))
        #expect(try tool.run(["apply"]).exitCode == 0)
        let boot = try tool.run(["simulate", "reboot"])
        #expect(boot.exitCode == 0)
        #expect(boot.stdout.contains("/etc/rc.d/pf: ran: loaded /etc/pf.conf and enabled pf"))
        #expect(try tool.run(["simulate", "probe", "--in", "vtnet0", "--proto", "tcp", "--port", "22"]).stdout.hasPrefix("pass\n"))
        #expect(try tool.run(["simulate", "probe", "--in", "vtnet0", "--proto", "tcp", "--port", "5900"]).stdout.hasPrefix("block\n"))
        #expect(try tool.run(["simulate", "probe", "--in", "vtnet0", "--proto", "udp", "--port", "53"]).stdout.hasPrefix("block\n"))
        let facts = try tool.facts()
        #expect(facts.contains("\"name\" : \"warden0\""))
        #expect(facts.contains("192.168.100.1/24"))
        #expect(facts.contains("Status: Enabled"))
        // Nothing drifted: the plan after the reboot is empty.
        #expect(try tool.run(["plan"]).exitCode == 0)
    }

    @Test func bareMetalKeepsTheOperatorsBridgeAndPfConf() throws {
        let tool = try Tool(profile: RepositoryRoot.path + "/plans/hosts/bare-metal.json", config: RepositoryRoot.path + "/plans/sites/bare-metal.conf")
        let plan = try tool.run(["plan"])
        #expect(plan.stdout.contains("the operator's /etc/pf.conf is kept as /etc/pf.conf.pre-clawdie"))
        #expect(plan.stdout.contains("$ /sbin/ifconfig bridge1 create"))
        #expect(try tool.run(["apply"]).exitCode == 0)
        let facts = try tool.facts()
        #expect(facts.contains("/etc/pf.conf.pre-clawdie"))
        #expect(try tool.run(["simulate", "probe", "--in", "em0", "--proto", "tcp", "--port", "2222"]).stdout.hasPrefix("pass\n"))
        #expect(try tool.run(["simulate", "probe", "--in", "em0", "--proto", "tcp", "--port", "22"]).stdout.hasPrefix("block\n"))
        #expect(try tool.run(["rollback"]).exitCode == 0)
        let restored = try tool.run(["plan"])
        #expect(restored.stdout.contains("the operator's /etc/pf.conf is kept as /etc/pf.conf.pre-clawdie"))
    }

    @Test func noDefaultRouteStopsTheRunBeforeAnythingChanges() throws {
        let tool = try Tool(profile: RepositoryRoot.path + "/plans/hosts/no-default-route.json")
        let original = try tool.facts()
        let result = try tool.run(["apply", "--quiet"])
        #expect(result.exitCode == 1)
        #expect(result.stderr == "clawdie-firstboot: step detect-ext-if cannot run: no default route: `route -n get default` names no interface; bring up the network or set ext_if in the configuration; nothing was changed\n")
        #expect(try tool.facts() == original)
    }
}
