import Foundation
import Testing
import TestSupport
@testable import FirstbootEngine

@Suite struct ConfirmationTests {
    static let start = 1_800_000_000.0
    static let request = ConfirmationRequest(step: "install-script", seconds: 300)

    /// Host and state directory after an apply that holds install-script for confirmation.
    static func applied() throws -> (InMemoryHost, String) {
        let host = Sample.host()
        // Kept until the process exits: the directory is handed back to the tests.
        let directory = try TemporaryDirectory.keptUntilExit()
        let report = try makeEngine(host, directory, at: start).apply(confirm: request)
        #expect(report.awaitingConfirmation == "install-script")
        return (host, directory)
    }

    @Test func aConfirmedChangeStays() throws {
        let (host, directory) = try Self.applied()
        let waiting = try makeEngine(host, directory).state().state.awaitingConfirmation
        #expect(waiting?.step == "install-script")
        #expect(waiting?.deadline == Int64(Self.start) + 300)
        #expect(try makeEngine(host, directory, at: Self.start + 299).confirm() == "install-script")
        #expect(try makeEngine(host, directory, at: Self.start + 1000).revertUnconfirmed().isEmpty)
        #expect(host.state.files["/usr/local/etc/rc.d/x"] != nil)
        #expect(throws: ConfirmationError.nothingWaiting) { try makeEngine(host, directory).confirm() }
    }

    @Test(arguments: [true, false])
    func aConfirmThatMeetsTheLockHeldWaitsForIt(letsGo: Bool) throws {
        let (host, directory) = try Self.applied()
        let held = try RunLock.acquire(stateDirectory: directory)
        let clock = HolderLetsGoClock(Self.start + 250, holder: held, lettingGoAfter: letsGo ? 1 : nil)
        defer { clock.letGo() }
        // Any holder is waited for: no brief holder is named.
        let engine = Engine(steps: Sample.steps, host: host, stateDirectory: directory, toolVersion: "test", settingsDigest: "digest", clock: clock)
        if letsGo {
            #expect(try engine.confirm() == "install-script")
        } else {
            // A run that keeps the lock past the wait still gets the usual message.
            #expect(throws: RunLockError.self) { try engine.confirm() }
            #expect(clock.time - (Self.start + 250) >= Engine.lockWait)
        }
    }

    @Test func anUnconfirmedChangeIsRevertedWithEverythingAfterItOnceTheDeadlinePasses() throws {
        let (host, directory) = try Self.applied()
        #expect(try makeEngine(host, directory, at: Self.start + 299).revertUnconfirmed().isEmpty)
        let undone = try makeEngine(host, directory, at: Self.start + 300).revertUnconfirmed()
        #expect(undone == ["remove-obsolete", "install-script"])
        #expect(host.state.files["/usr/local/etc/rc.d/x"] == nil)
        #expect(host.state.files["/etc/obsolete"] != nil)
        // Steps before it stay.
        #expect(host.state.resources == ["t0", "t1"])
        let state = try makeEngine(host, directory).state().state
        #expect(state.awaitingConfirmation == nil)
        #expect(state.expiredConfirmations == ["install-script"])
    }

    @Test func confirmingTooLateRevertsAndSaysSo() throws {
        let (host, directory) = try Self.applied()
        let revert = ConfirmationRevert(step: "install-script", deadline: Int64(Self.start) + 300, revertedAt: Int64(Self.start) + 301,
                                        steps: ["remove-obsolete", "install-script"], finished: true)
        #expect(throws: ConfirmationError.tooLate(revert)) {
            try makeEngine(host, directory, at: Self.start + 301).confirm()
        }
        #expect(host.state.files["/usr/local/etc/rc.d/x"] == nil)
    }

    /// After the watcher reverted, a `confirm` still says it came too late — what was reverted
    /// and when — rather than that nothing waits.
    @Test func aConfirmAfterTheWatcherRevertedSaysItCameTooLate() throws {
        let (host, directory) = try Self.applied()
        #expect(try makeEngine(host, directory, at: Self.start + 305).revertUnconfirmed() == ["remove-obsolete", "install-script"])
        let revert = ConfirmationRevert(step: "install-script", deadline: Int64(Self.start) + 300, revertedAt: Int64(Self.start) + 305,
                                        steps: ["remove-obsolete", "install-script"], finished: true)
        #expect(throws: ConfirmationError.tooLate(revert)) { try makeEngine(host, directory, at: Self.start + 400).confirm() }
        #expect(ConfirmationError.tooLate(revert).description
            == "too late: the confirmation deadline of install-script passed at 2027-01-15T08:05:00Z, so its change was reverted: reverted remove-obsolete, install-script at 2027-01-15T08:05:05Z; run apply again to retry")
        // Applied anew without a window, there is nothing to be late for.
        _ = try makeEngine(host, directory, at: Self.start + 500).apply()
        #expect(throws: ConfirmationError.nothingWaiting) { try makeEngine(host, directory, at: Self.start + 600).confirm() }
    }

    /// A revert that fails on the way is not forgotten: the next look finishes it, though no
    /// confirmation waits any more.
    @Test func aRevertThatFailsOnTheWayIsFinishedByTheNext() throws {
        let (host, directory) = try Self.applied()
        host.faults = ["write:/etc/obsolete"]
        #expect(throws: (any Error).self) { try makeEngine(host, directory, at: Self.start + 300).revertUnconfirmed() }
        let state = try makeEngine(host, directory).state().state
        #expect(state.awaitingConfirmation == nil)
        #expect(state.revertDue(now: Self.start + 301) == "install-script")
        let second = try makeEngine(host, directory, at: Self.start + 301).revertUnconfirmed()
        #expect(second == ["remove-obsolete", "install-script"], "\((try? String(contentsOfFile: directory + "/journal.jsonl", encoding: .utf8)) ?? "")")
        #expect(host.state.files["/usr/local/etc/rc.d/x"] == nil)
        #expect(host.state.files["/etc/obsolete"] != nil)
        #expect(try makeEngine(host, directory).state().state.revertDue(now: Self.start + 302) == nil)
    }

    /// The deadline is written before the step begins: a run that dies inside the step is
    /// still reverted once the deadline passes.
    @Test func aRunThatDiesInsideTheHeldStepIsStillReverted() throws {
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        // run-started, 2 × (begun, change..., done)... crash right after install-script's change record.
        var crashPoint = 0
        do {
            let probe = Sample.host()
            let probeScratch = try TemporaryDirectory()
            let probeDirectory = probeScratch.path
            _ = try makeEngine(probe, probeDirectory, at: Self.start).apply(confirm: Self.request)
            let records = try makeEngine(probe, probeDirectory).openJournal().records
            crashPoint = records.firstIndex { record in
                if case .changeRecorded(let step, _) = record.event { return step == "install-script" }
                return false
            }! + 1
        }
        #expect(throws: SimulatedCrash.self) {
            _ = try makeEngine(host, directory, failPoint: .throwing(afterWrite: crashPoint), at: Self.start).apply(confirm: Self.request)
        }
        #expect(try makeEngine(host, directory).state().state.awaitingConfirmation?.step == "install-script")
        _ = try makeEngine(host, directory, at: Self.start + 400).revertUnconfirmed()
        #expect(host.state.files["/usr/local/etc/rc.d/x"] == nil)
    }

    @Test func aHeldStepThatFailsLeavesNothingToConfirm() throws {
        let host = Sample.host()
        host.faults = ["write:/usr/local/etc/rc.d/x"]
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        #expect(throws: EngineError.self) { _ = try makeEngine(host, directory).apply(confirm: Self.request) }
        #expect(try makeEngine(host, directory).state().state.awaitingConfirmation == nil)
    }
}
