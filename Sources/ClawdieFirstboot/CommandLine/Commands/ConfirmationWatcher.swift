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
///
/// It must not die of anything it can outlive, since nobody sees its stderr: a configuration
/// edited badly in the window (the revert reads the journal, not the settings), a host profile
/// or journal that cannot be read for a while, a revert that fails. Each such error is
/// journaled once (`watcher-failed`, shown by `status`) and it tries again, less often the
/// longer the trouble lasts.
enum ConfirmationWatcher {
    static let pidFileName = "confirmation-watcher.pid"

    /// How long a watcher started just before an apply waits for that apply to take the lock.
    static let startGrace = 5.0
    /// The longest pause between two tries while something keeps failing.
    static let longestRetry = 30.0
    /// How long it keeps trying through errors before it gives up (the next command of any
    /// kind still reverts an overdue change).
    static let giveUpAfter = 86400.0

    static func run(_ invocation: Invocation, clock: any EngineClock = SystemClock()) throws -> ExitStatus {
        signal(SIGHUP, SIG_IGN)
        guard let stateDirectory = ToolContext.journalDirectory(invocation) else {
            throw UsageError(message: "with --host-profile, watch-confirmation needs --state-dir DIR")
        }
        let pidFile = stateDirectory + "/" + pidFileName
        try? DurableFile.replace(pidFile, contents: Data("\(getpid())\n".utf8), mode: 0o644)
        defer {
            // Only this watcher's own pid file: a newer watcher may have replaced it.
            if (try? String(contentsOfFile: pidFile, encoding: .utf8)) == "\(getpid())\n" { try? DurableFile.remove(pidFile) }
        }
        let started = clock.now()
        var step = StepID.lockdownPF
        // What it does and what goes wrong also goes to the boot log, where an operator locked
        // out and back on the console reads first; nobody sees its stderr.
        let log = ToolContext.bootLog(simulated: invocation.hostProfile != nil, stateDirectory: stateDirectory, clock: clock, output: .silent)
        let me = "watch-confirmation (pid \(getpid()))"
        var journaled: Set<String> = []
        var logged: Set<String> = []
        var failingSince: Double?
        var retry = 1.0
        while true {
            do {
                // A fresh view each time: other processes (the apply, `confirm`) change the
                // journal and the host while this one sleeps, and a simulated host is read from
                // disk once per context.
                let (context, settingsProblem) = try OverdueConfirmation.context(invocation)
                let state = try context.engine.state().state
                guard let watched = state.awaitingConfirmation?.step ?? state.unfinishedRevert?.step else {
                    // Started by an apply before it runs: wait while that run holds the lock (it
                    // may yet request a confirmation), then leave when nothing waits.
                    if RunLock.currentHolder(stateDirectory: stateDirectory) != nil || clock.now() - started < startGrace {
                        clock.sleep(seconds: 0.2)
                        continue
                    }
                    return .success
                }
                step = watched
                if let settingsProblem {
                    let problem = "the configuration cannot be read (\(settingsProblem)); the revert does not need it and reads the journal"
                    if logged.insert(problem).inserted { log.note("\(me): \(problem)") }
                    journal(problem, step: step, stateDirectory: stateDirectory, journaled: &journaled, clock: clock)
                }
                if state.revertDue(now: clock.now()) != nil {
                    do {
                        if let reverted = try OverdueConfirmation.revert(context.engine, output: .silent) { log.note("\(me): \(reverted)") }
                    } catch is RunLockError {
                        // A run holds the lock (perhaps `confirm` itself): look again shortly.
                    }
                    failingSince = nil
                    retry = 1
                    clock.sleep(seconds: 0.2)
                    continue
                }
                failingSince = nil
                retry = 1
                let left = Double(state.awaitingConfirmation?.deadline ?? 0) - clock.now()
                clock.sleep(seconds: min(1, max(0.05, left)))
            } catch {
                if logged.insert("\(error)").inserted { log.note("\(me) FAILED: \(error); trying again") }
                journal("\(error)", step: step, stateDirectory: stateDirectory, journaled: &journaled, clock: clock)
                let since = failingSince ?? clock.now()
                failingSince = since
                if clock.now() - since > giveUpAfter {
                    log.note("\(me): gave up after \(Timestamp.duration(giveUpAfter)) of errors; the next clawdie-firstboot command reverts an overdue change")
                    return .failure
                }
                clock.sleep(seconds: retry)
                retry = min(longestRetry, retry * 2)
            }
        }
    }

    /// Journals an error once per watcher: it may be met at every look. When a run holds the
    /// lock, it is journaled at a later look.
    private static func journal(_ error: String, step: StepID, stateDirectory: String, journaled: inout Set<String>, clock: any EngineClock) {
        guard !journaled.contains(error) else { return }
        do {
            try Engine.recordWatcherFailure(step: step, error: error, stateDirectory: stateDirectory,
                                            knownSteps: OverdueConfirmation.knownSteps, clock: clock)
            journaled.insert(error)
        } catch {}
    }

    /// Whether the watcher of `stateDirectory` is alive: its pid file names a live process.
    static func isRunning(stateDirectory: String) -> Bool {
        guard let pid = recordedPid(stateDirectory: stateDirectory) else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// The pid the watcher's pid file records, nil when there is none.
    static func recordedPid(stateDirectory: String) -> Int32? {
        guard let text = try? String(contentsOfFile: stateDirectory + "/" + pidFileName, encoding: .utf8),
              let pid = Int32(text.trimmingWhitespaceAndNewlines()), pid > 0 else { return nil }
        return pid
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
        guard let pid = recordedPid(stateDirectory: stateDirectory) else { return }
        _ = kill(pid, SIGKILL)
        try? DurableFile.remove(stateDirectory + "/" + pidFileName)
    }
}
