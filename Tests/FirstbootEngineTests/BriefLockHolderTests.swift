import Foundation
import Testing
import TestSupport
@testable import FirstbootEngine

/// `apply`, `rollback` and a revert that meet the run lock held: a holder the platform calls
/// brief (the confirmation watcher journaling or reverting) is waited for, any other holder
/// fails the command at once with the usual message.
@Suite struct BriefLockHolderTests {
    static let start = 1_800_000_000.0

    enum Command: String, CaseIterable, CustomTestStringConvertible {
        case apply, rollback, revert
        var testDescription: String { rawValue }

        func run(_ engine: Engine) throws {
            switch self {
            case .apply: _ = try engine.apply()
            case .rollback: _ = try engine.rollback(.everything)
            case .revert: _ = try engine.revertUnconfirmed()
            }
        }
    }

    /// The lock held by this process (its pid is the holder's), and an engine whose clock lets
    /// the holder go after `lettingGoAfter` seconds; `brief` says whether this process is the
    /// brief holder.
    static func engine(brief: Bool?, lettingGoAfter seconds: Double?) throws -> (Engine, HolderLetsGoClock) {
        let directory = try TemporaryDirectory.keptUntilExit()
        let clock = HolderLetsGoClock(start, holder: try RunLock.acquire(stateDirectory: directory), lettingGoAfter: seconds)
        let engine = Engine(steps: Sample.steps, host: Sample.host(), stateDirectory: directory, toolVersion: "test",
                            settingsDigest: "digest", clock: clock)
        let me = getpid()
        if let brief { engine.holdsLockBriefly = { pid in (pid == me) == brief } }
        return (engine, clock)
    }

    @Test(arguments: Command.allCases)
    func aBriefHolderIsWaitedFor(_ command: Command) throws {
        let (engine, clock) = try Self.engine(brief: true, lettingGoAfter: 1)
        defer { clock.letGo() }
        try command.run(engine)
        #expect(clock.time >= Self.start + 1)
    }

    @Test(arguments: Command.allCases, [false, nil])
    func anyOtherHolderFailsItAtOnce(_ command: Command, brief: Bool?) throws {
        let (engine, clock) = try Self.engine(brief: brief, lettingGoAfter: 1)
        defer { clock.letGo() }
        let error = #expect(throws: RunLockError.self) { try command.run(engine) }
        #expect(error?.pid == getpid())
        #expect(clock.time == Self.start)
    }

    @Test(arguments: Command.allCases)
    func aBriefHolderThatKeepsTheLockFailsItAfterTheWait(_ command: Command) throws {
        let (engine, clock) = try Self.engine(brief: true, lettingGoAfter: nil)
        defer { clock.letGo() }
        #expect(throws: RunLockError.self) { try command.run(engine) }
        #expect(clock.time - Self.start >= Engine.lockWait)
    }
}
