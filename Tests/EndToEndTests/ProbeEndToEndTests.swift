import Foundation
import Testing
import TestSupport

/// `probe` answers "why is SSH blocked?" on the rulesets the bundled plans write, naming the
/// deciding rule; `simulate probe` does the same with the simulated host's loaded rules.
@Suite struct ProbeEndToEndTests {
    /// The /etc/pf.conf a golden plan writes, from its diff.
    static func rendered(_ plan: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.path + "/plans/golden/\(plan).plan.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let steps = try #require(document["steps"] as? [[String: Any]])
        let changes = steps.first { $0["id"] as? String == "write-pf-conf" }?["changes"] as? [[String: Any]] ?? []
        let diff = try #require(changes.first { $0["path"] as? String == "/etc/pf.conf" }?["diff"] as? String)
        // The new file is the added and the context lines of the hunks (which cover the whole file).
        let lines = diff.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { ($0.hasPrefix("+") && !$0.hasPrefix("+++")) || $0.hasPrefix(" ") }
        let path = try TemporaryDirectory.keptUntilExit() + "/\(plan).pf.conf"
        try lines.map { $0.dropFirst() + "\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func probe(_ rules: String, _ arguments: [String]) throws -> Tool.Result {
        try Tool.runOnThisMachine(["probe", "--rules", rules] + arguments)
    }

    @Test(arguments: [
        ("cloud-vm", "vtnet0", "22", "pass", "pass in on $ext_if inet proto tcp from any to ($ext_if) port $ssh_port"),
        ("cloud-vm", "vtnet0", "5900", "block", "block all"),
        ("cloud-vm", "vtnet0", "443", "pass", "port $public_tcp keep state"),
        ("bare-metal", "em0", "2222", "pass", "port $ssh_port"),
        ("bare-metal", "em0", "22", "block", "block all"),
        ("cloud-vm-vnet", "vtnet0", "22", "pass", "port $ssh_port"),
    ])
    func probeNamesTheDecidingRuleOfABundledRuleset(plan: String, interface: String, port: String, verdict: String, rule: String) throws {
        let rules = try Self.rendered(plan)
        let result = try Self.probe(rules, ["--in", interface, "--proto", "tcp", "--port", port])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == Substring(verdict))
        #expect(lines.count == 2 && lines[1].hasPrefix("decided by \(rules):") && lines[1].contains(rule), "\(result.stdout)")
    }

    @Test func aSkippedInterfaceAndJSONSayWhy() throws {
        let rules = try Self.rendered("cloud-vm")
        let result = try Self.probe(rules, ["--in", "lo0", "--proto", "udp", "--port", "53", "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["verdict"] as? String == "pass")
        #expect(document["reason"] as? String == "skip")
        let rule = try #require(document["rule"] as? [String: Any])
        #expect(rule["text"] as? String == "set skip on lo0")
        #expect(rule["file"] as? String == rules)
    }

    @Test func aBrokenConfigurationDoesNotStopProbeOnThisMachine() throws {
        let scratch = try TemporaryDirectory()
        try "ssh_port=$PORT\n".write(toFile: scratch.path + "/broken.conf", atomically: true, encoding: .utf8)
        let rules = try Self.rendered("cloud-vm")
        let result = try Tool.runOnThisMachine(["--config", scratch.path + "/broken.conf", "probe", "--rules", rules, "--in", "vtnet0", "--proto", "tcp", "--port", "22"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("pass\n"))
    }

    @Test func aRulesetWithoutAMatchingRuleSaysDefault() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path + "/pf.conf"
        try "block in on em1 all\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Self.probe(path, ["--in", "vtnet0", "--proto", "tcp", "--port", "22"])
        #expect(result.stdout == "pass\ndecided by default: no rule matched\n")
    }

    @Test func aRulesetThatDoesNotParseIsAFailureNamingTheLine() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path + "/pf.conf"
        try "pass in on vtnet0 proto tcp to port 22\nfrobnicate\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Self.probe(path, ["--in", "vtnet0", "--proto", "tcp", "--port", "22"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("\(path) does not parse") && result.stderr.contains("\(path):2: syntax error"))
    }

    @Test func simulateProbeShowsTheLoadedRuleAndProbeReadsTheSimulatedFile() throws {
        let tool = try Tool()
        #expect(try tool.run(["apply"]).exitCode == 0)
        let simulated = try tool.run(["simulate", "probe", "--in", "vtnet0", "--proto", "tcp", "--port", "5900"])
        #expect(simulated.stdout.hasPrefix("block\ndecided by /etc/pf.conf:"))
        #expect(simulated.stdout.hasSuffix(": block all\n"))
        // probe on the simulated host reads its /etc/pf.conf: the same answer.
        #expect(try tool.run(["probe", "--in", "vtnet0", "--proto", "tcp", "--port", "5900"]).stdout == simulated.stdout)
    }
}
