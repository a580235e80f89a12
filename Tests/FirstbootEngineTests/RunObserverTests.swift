import Foundation
import Testing
import TestSupport
@testable import FirstbootEngine

/// What an observer (progress, the boot log) is told during an apply, and the step start the
/// journal keeps for timings.
@Suite struct RunObserverTests {
    final class Recorder: RunObserver {
        var events: [String] = []
        func runStarted(command: String, phases: [Phase], steps: Int) { events.append("run \(command) \(steps)") }
        func stepStarted(_ step: StepID, index: Int, of total: Int) { events.append("start \(index)/\(total) \(step)") }
        func stepFinished(_ step: StepID, outcome: StepOutcome, seconds: Double) {
            switch outcome {
            case .applied: events.append("applied \(step)")
            case .unchanged: events.append("unchanged \(step)")
            case .failed: events.append("failed \(step)")
            }
        }
        func commandStarted(_ argv: [String], timeout: Double) { events.append("command \(argv.joined(separator: " "))") }
        func commandRunning(_ argv: [String], seconds: Double, timeout: Double) {
            events.append("running \(argv.joined(separator: " ")) \(Int(seconds))/\(Int(timeout))")
        }
        func waiting(for what: String, secondsLeft: Double) { events.append("wait \(what) \(Int(secondsLeft))") }
        func runFinished(error: String?, seconds: Double) { events.append(error == nil ? "finished" : "run failed") }
    }

    @Test func eachStepIsReportedAsItStartsAndEnds() throws {
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        let engine = makeEngine(host, directory)
        let recorder = Recorder()
        engine.observer = recorder
        _ = try engine.apply()
        let ids = Sample.steps.map(\.id)
        #expect(recorder.events.first == "run apply 5")
        #expect(recorder.events.last == "finished")
        for (index, id) in ids.enumerated() {
            let start = try #require(recorder.events.firstIndex(of: "start \(index + 1)/5 \(id)"))
            let end = try #require(recorder.events.firstIndex(of: "applied \(id)"))
            #expect(start < end)
        }
        #expect(recorder.events.contains { $0.hasPrefix("command ") })

        // Again: nothing to do, every step unchanged.
        let again = Recorder()
        let second = makeEngine(host, directory)
        second.observer = again
        _ = try second.apply()
        #expect(again.events.filter { $0.hasPrefix("unchanged ") }.count == 5)
    }

    @Test func aFailingStepAndItsRunAreReportedAsFailed() throws {
        let failing = ClosureStep(id: "break", plan: { _ in [.run(argv: ["/bin/false"], undo: .nothing)] })
        let scratch = try TemporaryDirectory()
        let engine = makeEngine(Sample.host(), scratch.path, steps: [failing])
        let recorder = Recorder()
        engine.observer = recorder
        #expect(throws: (any Error).self) { try engine.apply() }
        #expect(recorder.events.suffix(2) == ["failed break", "run failed"])
    }

    @Test func aWaitSaysWhatIsAwaitedAndTheTimeLeft() throws {
        let waits = ClosureStep(id: "wait", precondition: { context in
            var polls = 0
            try context.waitUntil("the network", timeout: 30, interval: 10) {
                polls += 1
                return polls == 3
            }
        })
        let scratch = try TemporaryDirectory()
        let engine = makeEngine(Sample.host(), scratch.path, steps: [waits])
        let recorder = Recorder()
        engine.observer = recorder
        _ = try engine.apply()
        #expect(recorder.events.filter { $0.hasPrefix("wait ") } == ["wait the network 30", "wait the network 20"])
    }

    @Test func aCommandStillRunningIsReportedWithItsElapsedTime() throws {
        let slow = ClosureStep(id: "install", plan: { _ in [.run(argv: ["/sbin/thing", "create", "slow"], undo: .nothing)] })
        let host = Sample.host()
        host.ticksWhileRunning = [1, 2, 3]
        let scratch = try TemporaryDirectory()
        let engine = makeEngine(host, scratch.path, steps: [slow])
        let recorder = Recorder()
        engine.observer = recorder
        _ = try engine.apply()
        let command = "/sbin/thing create slow"
        #expect(recorder.events.filter { $0.contains(command) } == [
            "command \(command)", "running \(command) 1/120", "running \(command) 2/120", "running \(command) 3/120",
        ])
    }

    @Test func stepDoneRecordsWhenTheStepBeganInMilliseconds() throws {
        let clock = ManualClock(1_800_000_000.25)
        let slow = ClosureStep(id: "slow", precondition: { _ in clock.sleep(seconds: 1.5) })
        let scratch = try TemporaryDirectory()
        let engine = Engine(steps: [slow], host: Sample.host(), stateDirectory: scratch.path, toolVersion: "test",
                            settingsDigest: "digest", clock: clock)
        _ = try engine.apply()
        let done = try #require(try engine.openJournal().records.first { if case .stepDone = $0.event { true } else { false } })
        // apply plans the run first (a knowable refusal ends it before any change), which
        // checks the precondition once more: the step begins after that first 1.5 s.
        #expect(done.startedMilliseconds == 1_800_000_001_750)
        #expect(done.timeMilliseconds == 1_800_000_003_250)
    }
}
