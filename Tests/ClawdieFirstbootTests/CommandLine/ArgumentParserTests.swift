import FreeBSDHost
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
        #expect(invocation.simulate == .probe(ProbeRequest(interface: "tailscale0", proto: .tcp, port: 22, source: nil)))
        #expect(invocation.hostProfile == "p.json")
        #expect(try ArgumentParser.parse(["simulate", "reboot"]).simulate == .reboot)
    }

    @Test(arguments: [
        ["--json"], ["plan", "apply"], ["status", "--timeout", "5"], ["status", "--wait", "--timeout", "soon"],
        ["facts", "--boot"], ["apply", "--boot", "--phase", "firstboot"], ["simulate"], ["simulate", "probe", "--in", "x", "--proto", "icmp", "--port", "1"],
        ["plan", "--config"], ["plan", "--frob"],
        ["plan", "--phase", "nosuch"], ["rollback", "--phase", "nosuch"], ["apply", "--phase", "firstboot", "--confirm-within", "300"],
        ["apply", "--boot", "--confirm-within", "300"], ["probe", "--in", "vtnet0", "--proto", "tcp"], ["probe", "--in", "vtnet0", "--proto", "tcp", "--port", "22", "--from", "me"],
        ["rollback", "--phase", "firstboot", "--phase", "vnet"], ["simulate", "frob"], ["confirm", "--json"],
    ])
    func nonsenseIsRefused(arguments: [String]) {
        #expect(throws: UsageError.self) { try ArgumentParser.parse(arguments) }
    }

    @Test func probeIsParsedWithItsRulesFile() throws {
        let invocation = try ArgumentParser.parse(["probe", "--in", "vtnet0", "--proto", "udp", "--port", "53", "--from", "203.0.113.7", "--rules", "/tmp/pf.conf", "--json"])
        #expect(invocation.verb == .probe && invocation.json)
        #expect(invocation.probe == ProbeRequest(interface: "vtnet0", proto: .udp, port: 53, source: IPv4Address("203.0.113.7"), rules: "/tmp/pf.conf"))
    }

    @Test func anOptionOfAnotherCommandSaysWhichCommandsTakeIt() {
        #expect(throws: UsageError(message: "--wait goes with status, not plan", command: "plan")) { try ArgumentParser.parse(["plan", "--wait"]) }
        #expect(throws: UsageError(message: "--rules goes with probe, not simulate probe", command: "simulate probe")) {
            try ArgumentParser.parse(["simulate", "probe", "--in", "x", "--proto", "tcp", "--port", "1", "--rules", "f"])
        }
    }

    @Test func helpIsAskedForTheNamedCommandEvenWithOtherOptions() throws {
        let invocation = try ArgumentParser.parse(["--config", "/c", "simulate", "probe", "--in", "--help"])
        #expect(invocation.help && invocation.helpCommand == "simulate probe")
        #expect(try ArgumentParser.parse(["--help"]).helpCommand == nil)
    }
}
