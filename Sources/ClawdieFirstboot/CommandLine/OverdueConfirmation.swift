import FirstbootEngine

/// The revert of a change whose confirmation deadline passed unconfirmed, wherever it is found
/// due: in the watcher, at boot, and before every other command. An operator who must never be
/// locked out expects any command — `plan`, `status` and `facts` as much as `apply` — to put the
/// previous rules back once the deadline has passed, when no watcher did. The revert needs only
/// the journal and the host: when the configuration cannot be read, the defaults stand in for
/// the settings, which a rollback never reads.
enum OverdueConfirmation {
    /// The ids of the platform's steps, which do not depend on the settings: what the journal
    /// is read with before any configuration is.
    static let knownSteps: Set<StepID> = Set(PlatformSteps.all(Settings()).map(\.id))

    /// A context to revert in, and what was wrong with the configuration if it could not be read.
    static func context(_ invocation: Invocation) throws -> (context: ToolContext, settingsProblem: String?) {
        var settings = Settings()
        var problem: String?
        do {
            settings = try ToolContext.settings(invocation)
        } catch {
            problem = "\(error)"
        }
        return (try ToolContext(invocation, changesHost: true, settings: settings), problem)
    }

    /// Whether a revert is due in `stateDirectory` at `now`, from the journal alone: cheap
    /// enough to ask before every command. A journal that cannot be read is not due here; the
    /// command itself reports it.
    static func isDue(stateDirectory: String, now: Double) -> Bool {
        guard let journal = try? Journal(directory: stateDirectory, knownSteps: knownSteps) else { return false }
        return RunState(records: journal.records).revertDue(now: now) != nil
    }

    /// Before a command: reverts what is due. A revert that cannot be done is a warning and the
    /// command goes on: the watcher, if alive, and the next command try again, and `status`
    /// says the deadline has passed.
    static func revertBeforeCommand(_ invocation: Invocation, output: Output, clock: any EngineClock = SystemClock()) {
        guard let directory = ToolContext.journalDirectory(invocation), isDue(stateDirectory: directory, now: clock.now()) else { return }
        // The boot log keeps what was reverted, and by which command, beside the runs it logs.
        let log = ToolContext.bootLog(simulated: invocation.hostProfile != nil, stateDirectory: directory, clock: clock, output: output)
        let command = "\(invocation.verb.rawValue) (pid \(getpid()))"
        do {
            if let reverted = try revert(context(invocation).context.engine, output: output) { log.note("\(command): \(reverted)") }
        } catch {
            let line = "a confirmation deadline has passed, but the revert could not run: \(error)"
            log.note("\(command): \(line)")
            output.err("clawdie-firstboot: warning: " + line)
        }
    }

    /// Reverts what is due with `engine`, saying on stderr what was reverted; returns that line
    /// (for the boot log), or nil when nothing was due.
    @discardableResult
    static func revert(_ engine: Engine, output: Output) throws -> String? {
        let reverted = try engine.revertUnconfirmed()
        guard !reverted.isEmpty else { return nil }
        let line = "the confirmation deadline passed: reverted \(reverted.joined(separator: ", "))"
        output.err("clawdie-firstboot: " + line)
        return line
    }
}
