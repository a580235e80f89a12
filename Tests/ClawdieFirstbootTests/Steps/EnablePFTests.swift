import FirstbootEngine
import Foundation
import FreeBSDHost
import Testing
@testable import ClawdieFirstboot

@Suite struct EnablePFTests {
    @Test func pfIsVerifiedEnabledWithThePlatformRules() throws {
        let fixture = try SimulatedFixture()
        _ = try fixture.engine.apply()
        #expect(try PFStatus.parse(try fixture.run("/sbin/pfctl", "-s", "info").stdoutText).enabled)
        #expect(try fixture.host.readKey("pf_enable", inFile: "/etc/rc.conf") == "YES")
        #expect(try fixture.host.readKey("pf_fallback_rules_enable", inFile: "/etc/rc.conf") == "YES")
        #expect(try fixture.host.stat("/etc/pf-fallback.conf")?.mode == 0o644)
    }

    @Test func pfDisabledByHandIsEnabledAgainWithoutReloadingTheModule() throws {
        let fixture = try SimulatedFixture()
        _ = try fixture.engine.apply()
        _ = try fixture.run("/sbin/pfctl", "-d")
        #expect(try fixture.commands(of: "enable-pf") == ["/sbin/pfctl -f /etc/pf.conf", "/sbin/pfctl -e"])
    }

    /// A broken /etc/pf.conf at boot loads the fallback: SSH still passes, nothing else does.
    @Test func theFallbackRulesKeepSSHAndBlockTheRest() throws {
        let fixture = try SimulatedFixture()
        _ = try fixture.engine.apply()
        try fixture.host.writeFile("/etc/pf.conf", contents: Data("this is not pf\n".utf8), mode: 0o644, owner: .root)
        _ = try fixture.host.reboot()
        #expect(fixture.host.probe(interface: "vtnet0", protocol: .tcp, port: 22).action == .pass)
        #expect(fixture.host.probe(interface: "vtnet0", protocol: .tcp, port: 443).action == .block)
    }

    @Test func verificationDoesNotTrustExitStatuses() throws {
        // `pfctl -e` "succeeds" but pf stays disabled: the step fails and is undone.
        let fixture = try SimulatedFixture { profile in
            profile.faults = [ProfileFault(argv: ["/sbin/pfctl", "-e"], exitStatus: 0, stderr: "pf enabled\n")]
        }
        #expect {
            _ = try fixture.engine.apply()
        } throws: { error in
            String(describing: error).contains("step enable-pf failed: verification failed: `pfctl -s info` does not say Status: Enabled")
        }
        #expect(try fixture.host.readKey("pf_enable", inFile: "/etc/rc.conf") == nil)
        #expect(try fixture.run("/sbin/kldstat", "-q", "-m", "pf").succeeded == false)
    }
}
