#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One run at a time: an exclusive flock(2) on `<state dir>/lock`, whose contents say who
/// holds it. The kernel drops the lock when its holder dies, so a lock left by a dead process
/// is simply taken over; its stale contents are only reported.
package final class RunLock {
    package static let fileName = "lock"

    private let fd: Int32
    /// The pid recorded by a previous holder that died without releasing, if any.
    package let takenOverFrom: Int32?

    private init(fd: Int32, takenOverFrom: Int32?) {
        self.fd = fd
        self.takenOverFrom = takenOverFrom
    }

    /// Takes the lock or throws `RunLockError` naming the process that holds it.
    package static func acquire(stateDirectory: String, now: Double = Date().timeIntervalSince1970) throws -> RunLock {
        try DurableFile.makeDirectory(stateDirectory)
        try StateDirectoryTrust.check(stateDirectory, directory: true)
        let path = stateDirectory + "/" + fileName
        let fd = retryingEINTR { open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600) }
        guard fd >= 0 else {
            throw HostError("cannot open the run lock \(path): \(errnoText())")
        }
        let previous = Self.holder(fd)
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(fd)
            guard code == EWOULDBLOCK else {
                throw HostError("cannot lock \(path): \(errnoText(code))")
            }
            throw RunLockError(path: path, pid: previous?.pid, since: previous?.since)
        }
        let stale = previous.map(\.pid).flatMap { $0 != getpid() ? $0 : nil }
        let text = "pid=\(getpid()) started=\(Int64(now))\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        _ = fsync(fd)
        return RunLock(fd: fd, takenOverFrom: stale)
    }

    /// The pid of the process holding the lock now, or nil when no run holds it. Changes
    /// nothing: the lock file is only opened for reading.
    package static func currentHolder(stateDirectory: String) -> Int32? {
        let fd = retryingEINTR { open(stateDirectory + "/" + fileName, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            _ = flock(fd, LOCK_UN)
            return nil
        }
        return holder(fd)?.pid ?? -1
    }

    /// Takes the lock, waiting up to `seconds` while a process holds it that `waitsFor` (given
    /// the holder's recorded pid, nil when unknown) says holds it only for a moment, such as the
    /// confirmation watcher journaling what it met or reverting. Any other holder, or one that
    /// keeps it past the wait, makes it throw `RunLockError` as `acquire` does.
    package static func acquire(stateDirectory: String, clock: any EngineClock, waitingUpTo seconds: Double,
                                for waitsFor: (Int32?) -> Bool) throws -> RunLock {
        let started = clock.now()
        while true {
            do {
                return try acquire(stateDirectory: stateDirectory, now: clock.now())
            } catch let held as RunLockError where clock.now() - started < seconds && waitsFor(held.pid) {
                clock.sleep(seconds: 0.1)
            }
        }
    }

    /// Releases the lock. The file stays; its contents are stale from here on.
    package func release() {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }

    deinit {}

    private static func holder(_ fd: Int32) -> (pid: Int32, since: Int64)? {
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        var pid: Int32?
        var since: Int64 = 0
        for field in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = field.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            if parts[0] == "pid" { pid = Int32(parts[1]) }
            if parts[0] == "started" { since = Int64(parts[1]) ?? 0 }
        }
        return pid.map { ($0, since) }
    }
}

/// Another run holds the lock.
package struct RunLockError: Error, Hashable, Sendable, CustomStringConvertible {
    package var path: String
    package var pid: Int32?
    package var since: Int64?

    package var description: String {
        var holder = "another clawdie-firstboot run"
        if let pid { holder += " (pid \(pid)" + (since.map { ", started \(Timestamp.text($0))" } ?? "") + ")" }
        return "\(holder) holds \(path); wait for it to finish, then run again"
    }
}
