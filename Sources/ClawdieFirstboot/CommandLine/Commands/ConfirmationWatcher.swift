import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FreeBSDHost

/// The detached process that reverts a change nobody confirmed. `apply` starts it when it
/// holds a change for confirmation (and the boot hook starts it again after a reboot); it
/// sleeps until the deadline, re-reading the journal, and reverts the change if it is still
/// unconfirmed then. Its pid is kept in `<state dir>/confirmation-watcher.pid`.
enum ConfirmationWatcher {
    static let pidFileName = "confirmation-watcher.pid"

    /// How long a watcher started just before an apply waits for that apply to take the lock.
    static let startGrace = 5.0

    static func run(_ invocation: Invocation, clock: any EngineClock = SystemClock()) throws -> ExitStatus {
        signal(SIGHUP, SIG_IGN)
        let context = try ToolContext(invocation, changesHost: true)
        let pidFile = context.stateDirectory + "/" + pidFileName
        try DurableFile.replace(pidFile, contents: Data("\(getpid())\n".utf8), mode: 0o644)
        defer {
            // Only this watcher's own pid file: a newer watcher may have replaced it.
            if (try? String(contentsOfFile: pidFile, encoding: .utf8)) == "\(getpid())\n" { try? DurableFile.remove(pidFile) }
        }
        let started = clock.now()
        while true {
            // A fresh view each time: other processes (the apply, `confirm`) change the journal
            // and the host while this one sleeps, and a simulated host is read from disk once
            // per context.
            let context = try ToolContext(invocation, changesHost: true)
            let state = try context.engine.state().state
            guard let waiting = state.awaitingConfirmation else {
                // Started by an apply before it runs: wait while that run holds the lock (it
                // may yet request a confirmation), then leave when nothing waits.
                if RunLock.currentHolder(stateDirectory: context.stateDirectory) != nil || clock.now() - started < startGrace {
                    clock.sleep(seconds: 0.2)
                    continue
                }
                return .success
            }
            let left = Double(waiting.deadline) - clock.now()
            if left <= 0 {
                do {
                    _ = try context.engine.revertUnconfirmed()
                    return .success
                } catch is RunLockError {
                    // A run holds the lock (perhaps `confirm` itself): look again shortly.
                }
            }
            clock.sleep(seconds: min(1, max(0.05, left)))
        }
    }

    /// Starts the watcher for the state directory of `context`, detached, and records its pid
    /// before returning, so that whatever follows (a reboot) finds it.
    static func start(_ invocation: Invocation, stateDirectory: String) throws {
        var argv = [try SelfExecutable.path(), "watch-confirmation"]
        if let config = invocation.configPath { argv += ["--config", config] }
        if let state = invocation.stateDirectory { argv += ["--state-dir", state] }
        if let profile = invocation.hostProfile { argv += ["--host-profile", profile] }
        let pid = try ProcessRunner().spawnDetached(Command(argv))
        try DurableFile.replace(stateDirectory + "/" + pidFileName, contents: Data("\(pid)\n".utf8), mode: 0o644)
    }

    /// Stops a running watcher, as a reboot would: the simulated reboot uses it.
    static func stop(stateDirectory: String) {
        guard let text = try? String(contentsOfFile: stateDirectory + "/" + pidFileName, encoding: .utf8),
              let pid = Int32(text.trimmingWhitespaceAndNewlines()), pid > 0 else { return }
        _ = kill(pid, SIGKILL)
        try? DurableFile.remove(stateDirectory + "/" + pidFileName)
    }
}
