import Foundation
import Testing
import TestSupport
@testable import FirstbootEngine

@Suite struct ApplyTests {
    /// The host after an uninterrupted apply of the sample.
    static func convergedState() throws -> InMemoryHost.Snapshot {
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        _ = try makeEngine(host, scratch.path).apply()
        return host.state
    }

    @Test func applyReachesTheWantedStateAndRecordsEveryStep() throws {
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        let report = try makeEngine(host, directory).apply()
        #expect(report.applied == ["write-config", "set-keys", "create-thing", "install-script", "remove-obsolete"])
        #expect(host.state.files[Sample.appConf] == .init(contents: Sample.newApp, mode: 0o644, owner: .root))
        #expect(host.state.files["/usr/local/etc/rc.d/x"]?.mode == 0o555)
        #expect(host.state.files["/etc/obsolete"] == nil)
        #expect(host.state.keys[Sample.rcConf] == ["a_enable": "YES", "hostname": "h1"])
        #expect(host.state.resources == ["t0", "t1"])
        #expect(host.state.loaded == Sample.newApp)
        let state = try makeEngine(host, directory).state().state
        #expect(state.completedSteps == Set(Sample.steps.map(\.id)))
        // The large old app.conf went to a backup file named by its digest.
        #expect(FileManager.default.fileExists(atPath: directory + "/backups/" + SHA256.hex(Sample.oldApp)))
    }

    @Test func secondApplyChangesNothingAndWritesOnlyRunRecords() throws {
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        _ = try makeEngine(host, directory).apply()
        let before = host.state
        let mutations = host.mutations
        let recordsBefore = try makeEngine(host, directory).openJournal().records.count
        let report = try makeEngine(host, directory).apply()
        #expect(report.applied.isEmpty)
        #expect(report.unchanged.count == 5)
        #expect(host.state == before)
        #expect(host.mutations == mutations)
        let records = try makeEngine(host, directory).openJournal().records
        #expect(records.count == recordsBefore + 2)
        guard case .runStarted = records[recordsBefore].event, case .runFinished(true, nil) = records[recordsBefore + 1].event else {
            Issue.record("expected only run-started and run-finished, got \(records[recordsBefore...])")
            return
        }
        #expect(try makeEngine(host, directory).plan().hasChanges == false)
    }

    @Test func planIsTheApplyComputationWithoutApplying() throws {
        let host = Sample.host()
        let before = host.state
        let scratch = try TemporaryDirectory()
        let plan = try makeEngine(host, scratch.path).plan()
        #expect(host.state == before)
        #expect(plan.steps.map(\.action) == [.apply, .apply, .apply, .apply, .apply])
        let write = try #require(plan.steps.first?.changes.first)
        #expect(write.fileBefore?.contents == Sample.oldApp)
        #expect(write.fileBefore?.mode == 0o600)
        let keys = plan.steps[1].changes
        #expect(keys.map(\.keyBefore) == [nil, "YES"])
    }

    /// Kill the run after every durable journal write in turn, resume, and compare.
    @Test func crashAtEveryDurableEventResumesToTheUninterruptedState() throws {
        let expected = try Self.convergedState()
        let cleanRecords = try { () throws -> Int in
            let scratch = try TemporaryDirectory()
            let directory = scratch.path
            _ = try makeEngine(Sample.host(), directory).apply()
            return try makeEngine(Sample.host(), directory).openJournal().records.count
        }()
        #expect(cleanRecords >= 15)
        for point in 1...cleanRecords {
            let host = Sample.host()
            let scratch = try TemporaryDirectory()
            let directory = scratch.path
            #expect(throws: SimulatedCrash.self, "fail point \(point)") {
                _ = try makeEngine(host, directory, failPoint: .throwing(afterWrite: point)).apply()
            }
            _ = try makeEngine(host, directory).apply()
            #expect(host.state == expected, "after a crash at durable write \(point)")
            // And what was resumed can still be rolled back to the original host.
            _ = try makeEngine(host, directory).rollback(.everything)
            #expect(host.state == Sample.host().state, "rollback after a crash at durable write \(point)")
        }
    }

    @Test(arguments: 0..<5)
    func aFailingStepLeavesTheHostAsBeforeItAndTheNextApplyCompletes(failing index: Int) throws {
        // The last change of each step fails, so the earlier ones must be undone.
        let faults = ["/sbin/load /etc/app.conf", "key:\(Sample.rcConf):b_enable", "/sbin/thing create t1",
                      "write:/usr/local/etc/rc.d/x", "remove:/etc/obsolete"]
        // The host as the steps before the failing one leave it.
        let reference = Sample.host()
        if index > 0 {
            let scratch = try TemporaryDirectory()
            _ = try makeEngine(reference, scratch.path, steps: Array(Sample.steps[..<index])).apply()
        }
        let host = Sample.host()
        host.faults = [faults[index]]
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        #expect(throws: EngineError.self) { _ = try makeEngine(host, directory).apply() }
        #expect(host.state == reference.state)
        let state = try makeEngine(host, directory).state().state
        guard case .failed = state.status(of: Sample.steps[index].id) else {
            Issue.record("step \(Sample.steps[index].id) should be recorded as failed")
            return
        }
        _ = try makeEngine(host, directory).apply()
        #expect(host.state == (try Self.convergedState()))
    }

    @Test func aValidatorThatFailsLeavesTheFileUntouched() throws {
        let host = Sample.host()
        let bad = ClosureStep(id: "write-config", plan: { try ensureFile(Sample.appConf, Data("bad\n".utf8), mode: 0o644, validate: ["/sbin/check", "{}"], in: $0) })
        #expect {
            let scratch = try TemporaryDirectory()
            _ = try makeEngine(host, scratch.path, steps: [bad]).apply()
        } throws: { error in
            String(describing: error).contains("/etc/app.conf:1: syntax error")
        }
        #expect(host.state == Sample.host().state)
    }

    @Test func aFailedVerificationUndoesTheStep() throws {
        let host = Sample.host()
        let liar = ClosureStep(id: "write-config", plan: { try ensureFile(Sample.appConf, Sample.newApp, mode: 0o644, in: $0) },
                               check: { _ in throw StepRefusal("not really") })
        let scratch = try TemporaryDirectory()
        #expect(throws: EngineError.self) { _ = try makeEngine(host, scratch.path, steps: [liar]).apply() }
        #expect(host.state == Sample.host().state)
    }

    @Test func aRefusedPreconditionChangesNothing() throws {
        let host = Sample.host()
        let refusing = ClosureStep(id: "set-keys", precondition: { _ in throw StepRefusal("no default route") })
        let steps: [any Step] = [Sample.steps[0], refusing, Sample.steps[2]]
        #expect {
            let scratch = try TemporaryDirectory()
            _ = try makeEngine(host, scratch.path, steps: steps).apply()
        } throws: { error in
            (error as? EngineError) == .preconditionFailed(step: "set-keys", message: "no default route")
        }
        // The refusal was knowable before the first change, so not even the step before it ran.
        #expect(host.state == Sample.host().state)
    }

    /// A refusal that can only be told once an earlier step it requires is applied is left to
    /// the step: the steps before it stay done.
    @Test func aRefusalThatDependsOnAnEarlierStepComesWhenTheStepIsReached() throws {
        let host = Sample.host()
        let refusing = ClosureStep(id: "after-config", requires: ["write-config"], precondition: { context in
            if try context.host.readFile(Sample.appConf) == Sample.newApp { throw StepRefusal("the new config is refused") }
        })
        #expect {
            let scratch = try TemporaryDirectory()
            _ = try makeEngine(host, scratch.path, steps: [Sample.steps[0], refusing]).apply()
        } throws: { error in
            (error as? EngineError) == .preconditionFailed(step: "after-config", message: "the new config is refused")
        }
        #expect(host.state.files[Sample.appConf]?.contents == Sample.newApp)
    }

    /// A readiness condition the step waits for at apply time is no reason to refuse the run.
    @Test func aReadinessConditionIsWaitedForNotRefusedUpFront() throws {
        let host = Sample.host()
        let waiting = ClosureStep(id: "wait-ready", precondition: { context in
            try context.waitUntil("the service", timeout: 5) { context.clock.now() >= 1_800_000_002 }
        })
        let scratch = try TemporaryDirectory()
        let report = try makeEngine(host, scratch.path, steps: [Sample.steps[0], waiting]).apply()
        #expect(report.applied == ["write-config"])
        #expect(report.unchanged == ["wait-ready"])
    }

    @Test func aStepOfAnotherPhaseNeedsItsRequirementDone() throws {
        let later = ClosureStep(id: "later", phase: "lockdown", requires: ["write-config"])
        let scratch = try TemporaryDirectory()
        let engine = makeEngine(Sample.host(), scratch.path, steps: Sample.steps + [later])
        #expect(throws: EngineError.requirementNotDone(step: "later", requirement: "write-config", phase: "firstboot")) {
            _ = try engine.apply(phases: ["lockdown"])
        }
        _ = try engine.apply(phases: ["firstboot"])
        #expect(try engine.apply(phases: ["lockdown"]).unchanged == ["later"])
    }

    @Test func aRequirementTheHostAlreadyMatchesIsSatisfiedWithoutAJournal() throws {
        let later = ClosureStep(id: "later", phase: "lockdown", requires: ["write-config"])
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        _ = try makeEngine(host, scratch.path).apply()
        // Another state directory knows nothing of it, but the host matches write-config.
        let another = try TemporaryDirectory()
        #expect(try makeEngine(host, another.path, steps: Sample.steps + [later]).apply(phases: ["lockdown"]).unchanged == ["later"])
    }
}
