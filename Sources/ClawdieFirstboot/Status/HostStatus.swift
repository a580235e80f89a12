import FirstbootEngine

/// Where the host stands, from the journal alone: what `status` prints and the boot hook
/// decides by.
struct HostStatus: Equatable {
    enum State: String {
        /// Nothing has run yet.
        case notStarted = "not-started"
        /// A run holds the lock now.
        case running
        /// A run stopped without finishing (power cut, crash): the next apply resumes it.
        case interrupted
        /// The last run failed; its failing step was undone.
        case failed
        /// Too many boots failed: the boot hook stopped retrying.
        case operatorNeeded = "operator-needed"
        /// Some steps of the phases are not done (after a rollback, or phases added).
        case pending
        /// Every step of the phases is done.
        case complete
        /// A change is loaded and will be reverted unless confirmed in time.
        case awaitingConfirmation = "awaiting-confirmation"
    }

    struct StepLine: Equatable {
        var id: StepID
        var phase: Phase
        var state: String
    }

    var state: State
    var message: String
    var steps: [StepLine]
    var failedBoots: Int

    /// Whether `status --wait` can stop waiting.
    var isSettled: Bool { [.complete, .failed, .operatorNeeded].contains(state) }

    /// - Parameter watcherRunning: whether the confirmation watcher is alive; when it is not,
    ///   nothing reverts a waiting change at its deadline but the next command.
    init(runState: RunState, steps: [any Step], phases: [Phase], bootRetryLimit: Int, lockHolder: Int32?, now: Double,
         watcherRunning: Bool) {
        failedBoots = runState.failedBoots(openRunAlive: lockHolder != nil)
        let selected = steps.filter { phases.contains($0.phase) }
        self.steps = selected.map { step in
            let text: String
            switch runState.status(of: step.id) {
            case .pending: text = "pending"
            case .inDoubt: text = "in-doubt"
            case .done: text = "done"
            case .failed: text = "failed"
            }
            return StepLine(id: step.id, phase: step.phase, state: text)
        }
        let done = self.steps.filter { $0.state == "done" }.count
        let progress = "\(done)/\(self.steps.count) steps of \(phases.joined(separator: ", ")) done"
        if let pid = lockHolder {
            state = .running
            message = "a run is in progress (pid \(pid)); \(progress)"
        } else if let waiting = runState.awaitingConfirmation {
            state = .awaitingConfirmation
            let left = Int(Double(waiting.deadline) - now)
            if left > 0 {
                message = "\(waiting.step) is reverted in \(left) s unless confirmed: run clawdie-firstboot confirm from an SSH session over the tailnet"
                if !watcherRunning {
                    message += "; no watcher is running: the first clawdie-firstboot command after the deadline reverts it"
                }
            } else if watcherRunning {
                message = "the confirmation deadline of \(waiting.step) passed \(-left) s ago; the watcher is reverting it"
            } else {
                message = "the confirmation deadline of \(waiting.step) passed \(-left) s ago and no watcher is running to revert it: "
                    + "run clawdie-firstboot status as root, which reverts it"
            }
            if let failure = runState.watcherFailure, failure.step == waiting.step {
                message += "; the watcher reported at \(Timestamp.text(failure.time)): \(failure.error)"
            }
        } else if let revert = runState.unfinishedRevert {
            state = .interrupted
            message = "the revert of \(revert.step), whose confirmation deadline passed at \(Timestamp.text(revert.deadline)), has not finished"
                + (runState.lastError.map { ": \($0)" } ?? "")
                + "; the watcher and the next clawdie-firstboot command retry it, or run clawdie-firstboot rollback"
        } else if failedBoots >= bootRetryLimit {
            state = .operatorNeeded
            message = "\(failedBoots) boots failed (boot_retry_limit=\(bootRetryLimit)); the boot hook stopped retrying and left the host as it is — fix the cause shown by the journal, then run clawdie-firstboot apply"
        } else if let open = runState.openRun {
            state = .interrupted
            let inDoubt = self.steps.first { $0.state == "in-doubt" }?.id
            message = "the last \(open.command) stopped without finishing\(inDoubt.map { " in step \($0)" } ?? ""); run clawdie-firstboot \(open.command) to resume"
        } else if runState.lastRunSucceeded == false, let failed = selected.first(where: { if case .failed = runState.status(of: $0.id) { true } else { false } }),
                  case .failed(let error) = runState.status(of: failed.id) {
            state = .failed
            message = "step \(failed.id) failed: \(error)"
        } else if runState.lastRunSucceeded == false {
            state = .failed
            message = "the last run failed: \(runState.lastError ?? "see the journal")"
        } else if self.steps.isEmpty || done == self.steps.count {
            state = runState.lastRun == nil && !self.steps.isEmpty ? .notStarted : .complete
            message = state == .complete ? progress : "nothing has run yet"
        } else if runState.lastRun == nil {
            state = .notStarted
            message = "nothing has run yet; \(progress)"
        } else {
            state = .pending
            message = progress
            if let step = selected.first(where: { runState.expiredConfirmations.contains($0.id) }) {
                message += "; \(step.id) was reverted because it was not confirmed in time — run apply --phase \(step.phase) to try again"
            }
        }
    }

    /// The one line `status` prints.
    var line: String { "\(state.rawValue): \(message)" }
}
