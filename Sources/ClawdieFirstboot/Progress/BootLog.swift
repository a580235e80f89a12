#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FirstbootEngine

/// The boot log, `/var/log/clawdie-firstboot.log`: every run appends timestamped lines — its
/// start, each step's result and duration, how it ended and, on failure, what to do — and the
/// confirmation window: `confirm`, the watcher's revert and errors, and the revert any command
/// performs first when a deadline passed. At boot the
/// hook runs before syslogd, so this file, not syslog, is what the operator reads on the console.
///
/// Each line goes out in one `write(2)` on an `O_APPEND` descriptor and is fsynced before the run
/// goes on, so a power cut leaves at most a torn last line; the next run starts on a new line.
/// A simulated host keeps it at the same path under its state directory
/// (`<state-dir>/var/log/clawdie-firstboot.log`), written the same way. A log that cannot be
/// written never stops a run: it is reported once on stderr.
final class BootLog: RunObserver {
    static let path = "/var/log/clawdie-firstboot.log"

    /// The file to append to.
    let path: String
    private let clock: any EngineClock
    private let warn: (String) -> Void
    private var started = false
    private var failed = false
    /// The engine reported how its run ended.
    private var runEnded = false

    init(path: String, clock: any EngineClock, warn: @escaping (String) -> Void) {
        self.path = path
        self.clock = clock
        self.warn = warn
    }

    /// A line of its own: the command that starts, a note of the boot hook, a result.
    func note(_ text: String) {
        append(text)
    }

    func runStarted(command: String, phases: [Phase], steps: Int) {
        append("\(command) of \(phases.joined(separator: ", ")): \(steps) steps")
    }

    // A step's start, its commands and its waits are progress, not the log's: the log keeps
    // how each step ended.
    func stepStarted(_ step: StepID, index: Int, of total: Int) {}
    func commandStarted(_ argv: [String], timeout: Double) {}
    func commandRunning(_ argv: [String], seconds: Double, timeout: Double) {}
    func waiting(for what: String, secondsLeft: Double) {}

    func stepFinished(_ step: StepID, outcome: StepOutcome, seconds: Double) {
        let took = Timestamp.duration(seconds)
        switch outcome {
        case .applied: append("step \(step): applied in \(took)")
        case .unchanged: append("step \(step): unchanged in \(took)")
        case .failed(let message): append("step \(step): FAILED after \(took): \(message)")
        }
    }

    func runFinished(error: String?, seconds: Double) {
        runEnded = true
        guard let error else {
            append("run finished in \(Timestamp.duration(seconds))")
            return
        }
        append("run FAILED after \(Timestamp.duration(seconds)): \(error)")
        append(Self.whatToDo)
    }

    /// The command failed: logged unless the run already said how it ended.
    func failed(_ error: any Error) {
        guard !runEnded else { return }
        append("FAILED: \(error)")
        append(Self.whatToDo)
    }

    static let whatToDo = "what to do: fix the cause above, then run `clawdie-firstboot apply` (or reboot: the hook retries up to boot_retry_limit boots); `clawdie-firstboot status --long` shows each step"

    private func append(_ text: String) {
        guard !failed else { return }
        var line = Timestamp.text(clock.now()) + " " + text.replacingEvery("\n", with: " | ") + "\n"
        do {
            if !started {
                try DurableFile.makeDirectory(DurableFile.parentDirectory(of: path), mode: 0o755)
                // A line torn by a power cut is ended before the first line of this run.
                if Self.lastByte(path).map({ $0 != UInt8(ascii: "\n") }) == true { line = "\n" + line }
            }
            try DurableFile.append(path, contents: Data(line.utf8), mode: 0o644)
            started = true
        } catch {
            failed = true
            warn("cannot write the boot log: \(error)")
        }
    }

    /// The file's last byte; nil when it is empty or absent.
    static func lastByte(_ path: String) -> UInt8? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        var byte: UInt8 = 0
        guard pread(fd, &byte, 1, info.st_size - 1) == 1 else { return nil }
        return byte
    }
}
