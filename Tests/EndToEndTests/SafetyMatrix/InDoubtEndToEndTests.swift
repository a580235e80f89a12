import Foundation
import Testing
import TestSupport

/// A run killed after a step wrote `/etc/pf.conf` and before `pfctl -f` loaded it: the resume
/// must load the new rules, and `plan` on the host in doubt must say that it will.
@Suite struct InDoubtEndToEndTests {
    struct Scenario: CustomStringConvertible, Sendable {
        var step: String
        /// The configuration the host is converged on first, and the one then applied.
        var before: String
        var after: String
        var phase: String
        var description: String { step }
    }

    static let scenarios = [
        Scenario(step: "write-pf-conf", before: "", after: "ssh_port=\"2222\"\n", phase: "firstboot"),
        Scenario(step: "lockdown-pf", before: "tailnet_wait=\"2\"\n", after: "tailnet_wait=\"2\"\n", phase: "lockdown"),
        Scenario(step: "jail-table", before: "", after: "boot_phases=\"firstboot vnet\"\n", phase: "vnet"),
    ]

    /// The fail point right after the step's `pfctl -f` was recorded: the file is written, the
    /// rules are not loaded.
    static func failPoint(in lines: [String], from first: Int, step: String) -> Int? {
        lines.indices.dropFirst(first).first { index in
            lines[index].contains("\"step\":\"\(step)\"") && lines[index].contains("\"argv\":[\"/sbin/pfctl\",\"-f\",\"/etc/pf.conf\"]")
        }.map { $0 + 1 - first }
    }

    static func tool(_ scenario: Scenario) throws -> Tool {
        let config = try TemporaryDirectory.keptUntilExit() + "/site.conf"
        try scenario.before.write(toFile: config, atomically: true, encoding: .utf8)
        let tool = try Tool(profile: RepositoryRoot.path + "/plans/hosts/cloud-vm-tailnet.json", config: config)
        #expect(try tool.run(["apply"]).exitCode == 0)
        try scenario.after.write(toFile: config, atomically: true, encoding: .utf8)
        return tool
    }

    @Test(arguments: scenarios)
    func theResumeLoadsTheRulesTheInterruptedStepWrote(_ scenario: Scenario) throws {
        let reference = try Self.tool(scenario)
        let first = try reference.journalLines().count
        #expect(try reference.run(["apply", "--phase", scenario.phase]).exitCode == 0)
        let point = try #require(Self.failPoint(in: try reference.journalLines(), from: first, step: scenario.step))

        let tool = try Self.tool(scenario)
        let crashed = try tool.run(["apply", "--phase", scenario.phase], environment: ["CLAWDIE_FIRSTBOOT_FAILPOINT": String(point)])
        #expect(crashed.status == .signaled(9))
        let plan = try tool.run(["plan", "--phase", scenario.phase])
        #expect(plan.exitCode == 2)
        #expect(plan.stdout.contains("! \(scenario.step)"))
        #expect(plan.stdout.contains("undo, from the journal:"))
        let json = try tool.run(["plan", "--phase", scenario.phase, "--json"]).stdout
        #expect(json.contains("\"action\" : \"resume\""))
        let resumed = try tool.run(["apply", "--phase", scenario.phase])
        #expect(resumed.exitCode == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("resumed: \(scenario.step)"))
        #expect(try tool.run(["plan", "--phase", scenario.phase]).exitCode == 0)
        #expect(try tool.facts() == reference.facts())
        switch scenario.step {
        case "write-pf-conf":
            #expect(try LockdownEndToEndTests.probe(tool, "vtnet0", port: 2222) == "pass")
        case "lockdown-pf":
            #expect(try LockdownEndToEndTests.probe(tool, "vtnet0", port: 22) == "block")
            #expect(try LockdownEndToEndTests.probe(tool, "tailscale0", port: 22) == "pass")
        default:
            break
        }
    }
}
