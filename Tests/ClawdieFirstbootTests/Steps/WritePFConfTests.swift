import FirstbootEngine
import Foundation
import FreeBSDHost
import Testing
@testable import ClawdieFirstboot

@Suite struct WritePFConfTests {
    @Test func anOperatorsPfConfIsBackedUpOnceAndAnOlderBackupIsNeverOverwritten() throws {
        let fixture = try SimulatedFixture("bare-metal")
        try fixture.host.writeFile("/etc/pf.conf.pre-clawdie", contents: Data("older backup\n".utf8), mode: 0o600, owner: .root)
        let step = try fixture.plannedStep("write-pf-conf")
        #expect(step.note == "the operator's /etc/pf.conf is kept as /etc/pf.conf.pre-clawdie.2")
        let original = try fixture.file("/etc/pf.conf")
        _ = try fixture.engine.apply()
        #expect(try fixture.file("/etc/pf.conf.pre-clawdie") == "older backup\n")
        #expect(try fixture.file("/etc/pf.conf.pre-clawdie.2") == original)
        #expect(try fixture.file("/etc/pf.conf")?.hasPrefix(PFConfRenderer.header) == true)
    }

    @Test func ourOwnFileIsReplacedWithoutABackup() throws {
        var settings = Settings()
        let fixture = try SimulatedFixture()
        _ = try fixture.engine.apply()
        settings.publicTCPPorts = [443]
        let changed = Engine(steps: PlatformSteps.all(settings).filter { $0.phase == "firstboot" }, host: fixture.host, stateDirectory: fixture.engine.stateDirectory,
                             toolVersion: "test", settingsDigest: settings.digest)
        let step = try #require(try changed.plan().steps.first { $0.id == "write-pf-conf" })
        #expect(step.note == nil)
        // pf is running, so the new rules are loaded at once after the file is replaced.
        #expect(step.changes.map(\.change.target.description) == ["/etc/pf.conf", "/sbin/pfctl -f /etc/pf.conf"])
        _ = try changed.apply()
        #expect(fixture.host.probe(interface: "vtnet0", protocol: .tcp, port: 80).action == .block)
        #expect(fixture.host.probe(interface: "vtnet0", protocol: .tcp, port: 443).action == .pass)
    }

    @Test func aRulesetThatWouldBlockTheOperatorIsRefused() {
        let blocking = "block all\npass in on vtnet0 proto tcp from any to any port 80\n"
        #expect {
            try LockoutCheck.requirePasses(blocking, path: "/etc/pf.conf", interface: "vtnet0", port: 22, what: "SSH")
        } throws: { error in
            (error as? StepRefusal)?.message == "the new /etc/pf.conf would block SSH on vtnet0 port 22 (line 1 blocks it: block all); refusing to lock the operator out"
        }
        #expect(throws: Never.self) {
            try LockoutCheck.requirePasses(blocking + "pass in proto tcp to port 22\n", path: "/etc/pf.conf", interface: "vtnet0", port: 22, what: "SSH")
        }
    }
}
