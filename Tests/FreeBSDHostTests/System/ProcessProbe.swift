import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Facts about other processes, for tests that check what a command left running.
enum ProcessProbe {
    /// True while `pid` is a live process. A zombie (dead, not yet reaped by its new parent,
    /// which in a container may never happen) does not count.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        #if os(Linux)
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
        #else
        return true
        #endif
    }

    /// Waits up to `limit` seconds for `pid` to stop running; true when it did.
    static func waitUntilGone(_ pid: pid_t, limit: Double = 5) -> Bool {
        let deadline = ContinuousClock.now + .seconds(limit)
        while ContinuousClock.now < deadline {
            if !isRunning(pid) { return true }
            usleep(20_000)
        }
        return !isRunning(pid)
    }

    /// The first line of `text` as a pid, as printed by `echo $!`.
    static func pid(in text: String) -> pid_t? {
        text.split(separator: "\n").first.flatMap { pid_t($0.trimmingCharacters(in: .whitespaces)) }
    }
}
