import FirstbootEngine
import Foundation
import FreeBSDHost
import Testing
@testable import ClawdieFirstboot

/// A step added to the registry is one file and one registry line: the help lists it, plan
/// shows it, apply runs and journals it, rollback undoes it, and whatever counts or lists a
/// phase's steps follows from the registry.
struct AddingAStepTests {
    static func registry(_ settings: Settings) -> [any Step] {
        PlatformSteps.all(settings) + [EnablePflog()]
    }

    static func fixture() throws -> (fixture: SimulatedFixture, engine: Engine) {
        let fixture = try SimulatedFixture()
        let engine = Engine(steps: registry(fixture.settings).filter { $0.phase == Phase.firstboot }, host: fixture.host,
                            stateDirectory: fixture.engine.stateDirectory, toolVersion: "test", settingsDigest: fixture.settings.digest)
        return (fixture, engine)
    }

    static var firstbootIDs: [StepID] {
        get throws { try Scheduler.order(registry(Settings()), phases: [Phase.firstboot]).map(\.id) }
    }

    @Test func theHelpListsTheStepInItsPhase() throws {
        let help = HelpText.text(steps: Self.registry(Settings()))
        let firstboot = try Self.firstbootIDs
        #expect(firstboot.last == "enable-pflog")
        #expect(help.replacingOccurrences(of: "\n", with: " ").contains("firstboot (\(firstboot.joined(separator: ", ")));"))
        #expect(!HelpText.text.contains("enable-pflog"))
    }

    @Test func planShowsItsChanges() throws {
        let (_, engine) = try Self.fixture()
        let plan = try engine.plan()
        #expect(plan.steps.map(\.id) == (try Self.firstbootIDs))
        let step = try #require(plan.steps.first { $0.id == "enable-pflog" })
        #expect(step.action == .apply)
        #expect(step.changes.map(\.change) == [
            .setKey(file: FreeBSDPaths.rcConf, key: "pflog_enable", value: "YES"),
            .run(argv: [FreeBSDPaths.service, "pflog", "start"],
                 undo: .commandUnlessUndone([FreeBSDPaths.service, "pflog", "onestop"], alreadyUndone: "not running")),
        ])
        #expect(PlanText(colour: false).render(plan).hasPrefix("Plan: \(plan.steps.count - 1) of \(plan.steps.count) steps change the host"))
    }

    @Test func applyStartsAndJournalsItAndRollbackUndoesIt() throws {
        let (fixture, engine) = try Self.fixture()
        let report = try engine.apply()
        #expect(report.applied.last == "enable-pflog")
        #expect(try fixture.host.readKey("pflog_enable", inFile: FreeBSDPaths.rcConf) == "YES")
        #expect(try fixture.run(FreeBSDPaths.service, "pflog", "status").succeeded)
        #expect(try engine.plan().steps.allSatisfy { $0.action == .noop })

        let journal = try String(contentsOfFile: engine.stateDirectory + "/journal.jsonl", encoding: .utf8)
        #expect(journal.contains("\"step\":\"enable-pflog\""))
        let (state, _) = try engine.state()
        let status = HostStatus(runState: state, steps: engine.steps, phases: [Phase.firstboot], bootRetryLimit: 3, lockHolder: nil,
                                now: 0, watcherRunning: false)
        let count = try Self.firstbootIDs.count
        #expect(status.line == "complete: \(count)/\(count) steps of firstboot done")

        let rolled = try engine.rollback(.phase(Phase.firstboot))
        #expect(rolled.undone == (try Self.firstbootIDs).reversed())
        #expect(try fixture.host.readKey("pflog_enable", inFile: FreeBSDPaths.rcConf) == nil)
        #expect(try !fixture.run(FreeBSDPaths.service, "pflog", "status").succeeded)
    }
}
