import Foundation
import Testing
import TestSupport
@testable import FirstbootEngine

/// write(2) and fsync(2) for the journal that fail at one chosen call, the way a full disk
/// or a failing device does.
final class FaultyIO: DurableIO {
    enum Fault: String, CaseIterable, Sendable {
        /// Half the bytes land, then the next write fails with ENOSPC.
        case shortWriteThenNoSpace
        /// Every byte is written, then fsync reports EIO.
        case fsyncFails
    }

    let fault: Fault
    let failingCall: Int
    private var writes = 0
    private var fsyncs = 0
    private var failedPart = false

    init(_ fault: Fault, atCall call: Int) {
        self.fault = fault
        failingCall = call
    }

    func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        if failedPart {
            errno = ENOSPC
            return -1
        }
        writes += 1
        if fault == .shortWriteThenNoSpace && writes == failingCall && count > 1 {
            failedPart = true
            return SystemIO.shared.write(fd, buffer, count / 2)
        }
        return SystemIO.shared.write(fd, buffer, count)
    }

    func fsync(_ fd: Int32) -> Int32 {
        fsyncs += 1
        if fault == .fsyncFails && fsyncs == failingCall {
            errno = EIO
            return -1
        }
        return SystemIO.shared.fsync(fd)
    }
}

@Suite struct JournalWriteFaultTests {
    /// How many journal writes a clean apply of the sample makes (records and backup files).
    static let cleanWrites: Int = {
        let scratch = try! TemporaryDirectory()
        let directory = scratch.path
        _ = try! makeEngine(Sample.host(), directory).apply()
        let records = try! Journal(directory: directory, knownSteps: Set(Sample.steps.map(\.id))).records.count
        return records + 1
    }()

    static var cases: [(FaultyIO.Fault, Int)] {
        FaultyIO.Fault.allCases.flatMap { fault in (1...cleanWrites).map { (fault, $0) } }
    }

    /// At every write of an apply, a failure leaves a journal every command still reads: the
    /// run stops with one message, the next apply resumes and converges, and a rollback
    /// then puts the host back exactly as it was.
    @Test(arguments: cases)
    func aFailedAppendLeavesAJournalTheNextRunRecoversFrom(_ fault: FaultyIO.Fault, _ call: Int) throws {
        let host = Sample.host()
        let original = host.state
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        let faulty = Engine(steps: Sample.steps, host: host, stateDirectory: directory, toolVersion: "test",
                            settingsDigest: "digest", clock: ManualClock(1_800_000_000), journalIO: FaultyIO(fault, atCall: call))
        #expect(performing: { _ = try faulty.apply() }, throws: { error in
            "\(error)".contains("cannot write the journal") && "\(error)".contains("run the same command again")
        })
        let journal = try String(contentsOfFile: directory + "/journal.jsonl", encoding: .utf8)
        #expect(journal.isEmpty || journal.hasSuffix("\n"))
        #expect(try makeEngine(host, directory).state().warnings.isEmpty)

        _ = try makeEngine(host, directory).apply()
        let converged = Sample.host()
        let reference = try TemporaryDirectory()
        _ = try makeEngine(converged, reference.path).apply()
        #expect(host.state == converged.state)
        #expect(try makeEngine(host, directory).apply().applied.isEmpty)

        _ = try makeEngine(host, directory).rollback(.everything)
        #expect(host.state == original)
    }

    /// After a failed fsync nothing more is written in that run: not even `run-finished`,
    /// which would otherwise be built on a file whose contents on disk are unknown.
    @Test func noRecordFollowsAFailedFsync() throws {
        let host = Sample.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        let io = FaultyIO(.fsyncFails, atCall: 3)
        let engine = Engine(steps: Sample.steps, host: host, stateDirectory: directory, toolVersion: "test",
                            settingsDigest: "digest", clock: ManualClock(1_800_000_000), journalIO: io)
        #expect(throws: JournalWriteFailure.self) { _ = try engine.apply() }
        let records = try Journal(directory: directory, knownSteps: Set(Sample.steps.map(\.id))).records
        #expect(records.count == 2)
        #expect(!records.contains { if case .runFinished = $0.event { true } else { false } })
    }
}
