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
        // ps(1) reads the state the same way on Linux and FreeBSD (no /proc on FreeBSD).
        guard let state = Self.state(pid) else { return false }
        return !state.hasPrefix("Z") && !state.hasPrefix("X")
    }

    /// `ps -o stat= -p PID`: the process state letters, nil when there is no such process.
    static func state(_ pid: pid_t) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/ps")
        process.arguments = ["-o", "stat=", "-p", String(pid)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !text.isEmpty ? text : nil
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
