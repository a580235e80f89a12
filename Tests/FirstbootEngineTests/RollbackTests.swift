import Foundation
import Testing
import TestSupport
@testable import FirstbootEngine

@Suite struct RollbackTests {
    @Test func rollbackRestoresBytesModesOwnersAndKeysAndRemovesWhatWasCreated() throws {
        let host = Sample.host()
        let original = host.state
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        _ = try makeEngine(host, directory).apply()
        let report = try makeEngine(host, directory).rollback(.everything)
        #expect(report.undone == ["remove-obsolete", "install-script", "create-thing", "set-keys", "write-config"])
        #expect(host.state == original)
        #expect(host.state.files[Sample.appConf]?.owner == FileOwner(uid: 5, gid: 7))
        #expect(host.state.files[Sample.appConf]?.mode == 0o600)
        // Everything is pending again, and a new apply converges once more.
        #expect(try makeEngine(host, directory).state().state.completedSteps.isEmpty)
        _ = try makeEngine(host, directory).apply()
        #expect(host.state == (try ApplyTests.convergedState()))
    }

    @Test func anInterruptedRollbackIsFinishedByTheNext() throws {
        let original = Sample.host().state
        let count = try { () throws -> Int in
            let host = Sample.host()
            let scratch = try TemporaryDirectory()
            let directory = scratch.path
            _ = try makeEngine(host, directory).apply()
            let before = try makeEngine(host, directory).openJournal().records.count
            _ = try makeEngine(host, directory).rollback(.everything)
            return try makeEngine(host, directory).openJournal().records.count - before
        }()
        #expect(count >= 10)
        for point in 1...count {
            let host = Sample.host()
            let scratch = try TemporaryDirectory()
            let directory = scratch.path
            _ = try makeEngine(host, directory).apply()
            #expect(throws: SimulatedCrash.self) {
                _ = try makeEngine(host, directory, failPoint: .throwing(afterWrite: point)).rollback(.everything)
            }
            _ = try makeEngine(host, directory).rollback(.everything)
            #expect(host.state == original, "rollback interrupted after durable write \(point)")
        }
    }

    @Test func aPlainRollbackFinishesAnInterruptedOneAndUndoesNoMore() throws {
        let later = ClosureStep(id: "later", phase: "lockdown", requires: ["write-config"],
                                plan: { try ensureFile("/etc/later", Data("l\n".utf8), mode: 0o644, in: $0) })
        let steps = Sample.steps + [later, ClosureStep(id: "later-2", phase: "lockdown", plan: { try ensureFile("/etc/later2", Data("m\n".utf8), mode: 0o644, in: $0) })]
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        _ = try makeEngine(host, directory, steps: steps).apply()
        let converged = host.state
        // Interrupted right after rollback-started, run-started being the first write.
        #expect(throws: SimulatedCrash.self) {
            _ = try makeEngine(host, directory, steps: steps, failPoint: .throwing(afterWrite: 3)).rollback(.phase("lockdown"))
        }
        let report = try makeEngine(host, directory, steps: steps).rollback(.everything)
        #expect(Set(report.undone) == ["later", "later-2"])
        #expect(host.state.files["/etc/later"] == nil && host.state.files["/etc/later2"] == nil)
        #expect(host.state.files[Sample.appConf] == converged.files[Sample.appConf])
    }

    @Test func rollbackToAStepKeepsThatStep() throws {
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        _ = try makeEngine(host, directory).apply()
        let report = try makeEngine(host, directory).rollback(.after(step: "create-thing"))
        #expect(report.undone == ["remove-obsolete", "install-script"])
        #expect(host.state.resources == ["t0", "t1"])
        #expect(host.state.files["/usr/local/etc/rc.d/x"] == nil)
        #expect(host.state.files["/etc/obsolete"] != nil)
        #expect(host.state.loaded == Sample.newApp)
    }

    @Test func rollingBackAPhaseOthersDependOnIsRefused() throws {
        let later = ClosureStep(id: "later", phase: "lockdown", requires: ["write-config"])
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        _ = try makeEngine(host, directory, steps: Sample.steps + [later]).apply()
        let engine = makeEngine(host, directory, steps: Sample.steps + [later])
        #expect(throws: EngineError.dependentsRemain(step: "write-config", dependent: "later")) {
            _ = try engine.rollback(.phase("firstboot"))
        }
        #expect(try engine.rollback(.phase("lockdown")).undone == ["later"])
        #expect(try engine.rollback(.phase("firstboot")).undone.count == 5)
        #expect(host.state == Sample.host().state)
    }

    @Test func irreversibleStepsStopRollback() throws {
        let oneWay = ClosureStep(id: "one-way", reversibility: .irreversible(reason: "packages stay installed"),
                                 plan: { try ensureFile("/x", Data("x".utf8), mode: 0o644, in: $0) })
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        _ = try makeEngine(host, directory, steps: [oneWay]).apply()
        #expect(throws: EngineError.irreversible(step: "one-way", reason: "packages stay installed")) {
            _ = try makeEngine(host, directory, steps: [oneWay]).rollback(.everything)
        }
        #expect(host.state.files["/x"] != nil)
    }

    @Test func rollbackOfNothingWritesNothing() throws {
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        let report = try makeEngine(Sample.host(), directory).rollback(.everything)
        #expect(report.undone.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory + "/journal.jsonl"))
    }
}

@Suite struct UndoToleranceTests {
    static let step = ClosureStep(id: "make-thing", plan: { context in
        let list = try context.host.run(Command(["/sbin/thing", "list"])).stdoutText
        return list.contains("t9") ? [] : [.run(argv: ["/sbin/thing", "create", "t9"],
                                                 undo: .commandUnlessUndone(["/sbin/thing", "destroy", "t9"], alreadyUndone: "no t9"))]
    })

    @Test func anUndoWhoseEffectIsAlreadyGoneIsAccepted() throws {
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        _ = try makeEngine(host, directory, steps: [Self.step]).apply()
        host.state.resources.remove("t9")
        #expect(try makeEngine(host, directory, steps: [Self.step]).rollback(.everything).undone == ["make-thing"])
    }

    @Test func anyOtherUndoFailureStillStopsTheRollback() throws {
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        _ = try makeEngine(host, directory, steps: [Self.step]).apply()
        host.faults = ["/sbin/thing destroy t9"]
        #expect(throws: ChangeFailure.self) { _ = try makeEngine(host, directory, steps: [Self.step]).rollback(.everything) }
        #expect(host.state.resources.contains("t9"))
        // The next rollback finishes the job.
        _ = try makeEngine(host, directory, steps: [Self.step]).rollback(.everything)
        #expect(!host.state.resources.contains("t9"))
    }
}

@Suite struct SharedFileRollbackTests {
    @Test func aFileChangedAgainByAStepThatStaysIsNotRolledBackUnderIt() throws {
        let rewrite = ClosureStep(id: "rewrite-config", phase: "vnet",
                                  plan: { try ensureFile(Sample.appConf, Data("vnet setting\n".utf8), mode: 0o644, in: $0) })
        let steps = Sample.steps + [rewrite]
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        _ = try makeEngine(host, directory, steps: steps).apply()
        #expect(throws: EngineError.laterChangeRemains(step: "write-config", path: Sample.appConf, later: "rewrite-config", phase: "vnet")) {
            _ = try makeEngine(host, directory, steps: steps).rollback(.phase("firstboot"))
        }
        #expect(host.state.files[Sample.appConf]?.contents == Data("vnet setting\n".utf8))
        #expect(try makeEngine(host, directory, steps: steps).rollback(.phase("vnet")).undone == ["rewrite-config"])
        #expect(host.state.files[Sample.appConf]?.contents == Sample.newApp)
    }
}
