import Foundation
import Testing
import TestSupport
@testable import FirstbootEngine

@Suite struct RunLockTests {
    @Test func aSecondRunIsToldWhoHoldsTheLock() throws {
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        let lock = try RunLock.acquire(stateDirectory: directory, now: 1_800_000_000)
        #expect {
            _ = try RunLock.acquire(stateDirectory: directory)
        } throws: { error in
            guard let error = error as? RunLockError else { return false }
            return error.pid == getpid() && error.since == 1_800_000_000
                && error.description.contains("pid \(getpid())") && error.description.contains("wait for it to finish")
        }
        // An apply in the same state directory is refused the same way and changes nothing.
        let host = Sample.host()
        #expect(throws: RunLockError.self) { _ = try makeEngine(host, directory).apply() }
        #expect(host.state == Sample.host().state)
        lock.release()
        try RunLock.acquire(stateDirectory: directory).release()
    }

    @Test func aLockLeftByADeadProcessIsTakenOver() throws {
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        // A pid far above any default pid_max, so no live process has it.
        try "pid=4999999 started=1700000000\n".write(toFile: directory + "/lock", atomically: false, encoding: .utf8)
        let lock = try RunLock.acquire(stateDirectory: directory)
        #expect(lock.takenOverFrom == 4_999_999)
        let contents = try String(contentsOfFile: directory + "/lock", encoding: .utf8)
        #expect(contents.hasPrefix("pid=\(getpid()) "))
        lock.release()
    }
}
