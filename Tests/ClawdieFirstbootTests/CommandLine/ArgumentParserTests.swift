import Testing
@testable import ClawdieFirstboot

@Suite struct ArgumentParserTests {
    @Test func globalOptionsMayStandBeforeOrAfterTheVerb() throws {
        let before = try ArgumentParser.parse(["--config", "/c", "--state-dir", "/s", "plan", "--phase", "firstboot", "--json"])
        let after = try ArgumentParser.parse(["plan", "--json", "--phase=firstboot", "--state-dir=/s", "--config", "/c"])
        #expect(before == after)
        #expect(before.verb == .plan && before.configPath == "/c" && before.stateDirectory == "/s")
        #expect(before.phases == ["firstboot"] && before.json)
    }

    @Test func rollbackTakesOnePhaseOrOneStep() throws {
        #expect(try ArgumentParser.parse(["rollback", "--phase", "firstboot"]).rollbackPhase == "firstboot")
        #expect(try ArgumentParser.parse(["rollback", "--to", "write-pf-conf"]).rollbackTo == "write-pf-conf")
        #expect(throws: UsageError.self) { try ArgumentParser.parse(["rollback", "--to", "a", "--phase", "firstboot"]) }
    }

    @Test func simulateProbeIsParsed() throws {
        let invocation = try ArgumentParser.parse(["simulate", "probe", "--in", "tailscale0", "--proto", "tcp", "--port", "22", "--host-profile", "p.json"])
        #expect(invocation.simulate == .probe(interface: "tailscale0", proto: "tcp", port: 22, source: nil))
        #expect(invocation.hostProfile == "p.json")
        #expect(try ArgumentParser.parse(["simulate", "reboot"]).simulate == .reboot)
    }

    @Test(arguments: [
        ["--json"], ["plan", "apply"], ["status", "--timeout", "5"], ["status", "--wait", "--timeout", "soon"],
        ["facts", "--boot"], ["apply", "--boot", "--phase", "firstboot"], ["simulate"], ["simulate", "probe", "--in", "x", "--proto", "icmp", "--port", "1"],
        ["plan", "--config"], ["plan", "--frob"],
    ])
    func nonsenseIsRefused(arguments: [String]) {
        #expect(throws: UsageError.self) { try ArgumentParser.parse(arguments) }
    }
}
