import FirstbootEngine
import Foundation
import FreeBSDHost
import Testing
@testable import ClawdieFirstboot

@Suite struct LockdownTests {
    static func fixture() throws -> SimulatedFixture {
        var settings = Settings()
        settings.tailnetWait = 1
        return try SimulatedFixture(settings: settings, phases: ["firstboot", "lockdown"]) { profile in
            profile.files["/usr/local/etc/clawdie-firstboot.tailscale-key"] = ProfileFile(text: "tskey-auth-x\n", mode: 0o600)
        }
    }

    /// The cold-boot race the platform documents: pf loads before tailscaled creates
    /// tailscale0, and rules naming it never match until they are loaded again.
    @Test func withoutPfReloadAColdBootWouldBlockSSHOverTheTailnet() throws {
        let fixture = try Self.fixture()
        _ = try fixture.engine.apply()
        #expect(fixture.host.probe(interface: "tailscale0", protocol: .tcp, port: 22).action == .pass)

        _ = try fixture.host.reboot()
        #expect(fixture.host.probe(interface: "tailscale0", protocol: .tcp, port: 22).action == .pass)

        try fixture.host.writeKey("pf_reload_enable", value: "NO", inFile: "/etc/rc.conf")
        _ = try fixture.host.reboot()
        #expect(fixture.host.probe(interface: "tailscale0", protocol: .tcp, port: 22).action == .block)
        // And nothing else would let the operator in: public SSH stays blocked.
        #expect(fixture.host.probe(interface: "vtnet0", protocol: .tcp, port: 22).action == .block)
    }

    @Test func theLockedDownRulesetIsCheckedBeforeItIsWritten() throws {
        var settings = Settings()
        settings.tailnetWait = 1
        let text = PFConfRenderer.render(FirewallPolicy.make(settings, externalInterface: "vtnet0", lockedDown: true))
        try LockoutCheck.requirePasses(text, path: "/etc/pf.conf", interface: "tailscale0", port: 22, what: "SSH")
        #expect(throws: StepRefusal.self) {
            try LockoutCheck.requirePasses(text, path: "/etc/pf.conf", interface: "vtnet0", port: 22, what: "SSH")
        }
        let ruleset = try PFParser.parse(text: text, path: "/etc/pf.conf")
        let evaluator = PFEvaluator(ruleset: ruleset)
        for (interface, proto, port, expected) in [("tailscale0", PFProtocol.tcp, UInt16(5900), PFAction.pass), ("vtnet0", .tcp, 5900, .block),
                                                   ("vtnet0", .udp, 41641, .pass), ("vtnet0", .tcp, 443, .pass)] {
            #expect(evaluator.verdict(for: PFPacket(interface: interface, proto: proto, destinationPort: port)).action == expected)
        }
        #expect(evaluator.verdict(for: PFPacket(interface: "vtnet0", family: .inet6, proto: .udp, destinationPort: 41641)).action == .pass)
    }

    @Test func atPlanTimeWithoutTailscaledTheWaitSaysWhatApplyWillDo() throws {
        let fixture = try Self.fixture()
        let planned = try fixture.plannedStep("wait-tailnet")
        #expect(planned.action == .deferred)
        #expect(planned.note?.contains("apply waits up to 1 s (tailnet_wait) for the tailnet") == true, "\(planned.note ?? "")")
        #expect(planned.note?.contains("now: tailscaled is not running") == true)
        #expect(planned.note?.contains("check `tailscale status`") == false)
    }

    @Test func aNodeAlreadyRunningUnderItsNameIsNotBroughtUpAgain() throws {
        let fixture = try Self.fixture()
        _ = try fixture.engine.apply()
        #expect(try fixture.plannedStep("tailscale-up").action == .noop)
    }

    @Test func theSelfTestRevertsWhenTheTailnetIsGoneAfterLoading() throws {
        // The tailnet answers Running until the rules are loaded, then its daemon stops.
        let fixture = try Self.fixture()
        _ = try fixture.engine.apply(phases: ["firstboot"])
        let before = try fixture.file("/etc/pf.conf")
        let steps = PlatformSteps.all(fixture.settings).map { step -> any Step in
            step.id == StepID.lockdownPF ? TailnetDropsAfterLoading(inner: step as! LockdownPF) : step
        }
        let engine = Engine(steps: steps, host: fixture.host, stateDirectory: fixture.engine.stateDirectory, toolVersion: "test",
                            settingsDigest: fixture.settings.digest)
        #expect {
            _ = try engine.apply(phases: ["lockdown"])
        } throws: { error in
            String(describing: error).contains("the tailnet went away after the rules were loaded")
        }
        #expect(try fixture.file("/etc/pf.conf") == before)
        #expect(fixture.host.probe(interface: "vtnet0", protocol: .tcp, port: 22).action == .pass)
    }
}

/// lockdown-pf, except that the tailnet stops between loading the rules and the self-test.
struct TailnetDropsAfterLoading: Step {
    var inner: LockdownPF
    var id: StepID { inner.id }
    var phase: Phase { inner.phase }
    var requires: [StepID] { inner.requires }
    func checkPreconditions(in context: StepContext) throws { try inner.checkPreconditions(in: context) }
    func changes(in context: StepContext) throws -> [Change] { try inner.changes(in: context) }
    func verify(in context: StepContext) throws {
        _ = try context.host.run(Command(["/usr/sbin/service", "tailscaled", "onestop"]))
        try inner.verify(in: context)
    }
}
