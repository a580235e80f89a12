/// A change that must be confirmed in time or be reverted: the step, and how long the
/// operator has.
package struct ConfirmationRequest: Hashable, Sendable {
    package var step: StepID
    package var seconds: Double

    package init(step: StepID, seconds: Double) {
        self.step = step
        self.seconds = seconds
    }
}

extension Engine {
    /// Keeps the change waiting for confirmation: the operator proves the new path works by
    /// confirming through it.
    /// - Returns: the step confirmed.
    /// - Throws: `ConfirmationError.tooLate` when the deadline has passed — the change is then
    ///   reverted first, if the watcher has not done it yet, and the error says what was
    ///   reverted and when; `.nothingWaiting` when no change was ever held.
    @discardableResult
    package func confirm() throws -> StepID {
        // The watcher takes the lock for a moment to journal or revert: a confirm that meets
        // it, or any other holder, waits instead of failing, and then finds the change kept or
        // already reverted.
        let lock = try RunLock.acquire(stateDirectory: stateDirectory, clock: clock, waitingUpTo: Self.lockWait) { _ in true }
        defer { lock.release() }
        let journal = try openJournal()
        var run = JournalSession(journal: journal, clock: clock)
        if let waiting = run.state.awaitingConfirmation, Int64(clock.now()) < waiting.deadline {
            try run.record(.confirmed(step: waiting.step))
            return waiting.step
        }
        _ = try revertDue(journal: journal)
        guard let revert = RunState(records: journal.records).lastRevert else {
            throw ConfirmationError.nothingWaiting
        }
        throw ConfirmationError.tooLate(revert)
    }

    /// Reverts a change whose confirmation deadline has passed: the step and every step
    /// completed after it are rolled back, after a `confirmation-expired` record. A revert that
    /// died or failed on the way is finished. Does nothing when no revert is due.
    /// - Returns: the steps undone, empty when nothing was due.
    @discardableResult
    package func revertUnconfirmed() throws -> [StepID] {
        let lock = try takeRunLock()
        defer { lock.release() }
        return try revertDue(journal: try openJournal())
    }

    /// The revert itself, in a locked run.
    private func revertDue(journal: Journal) throws -> [StepID] {
        let state = RunState(records: journal.records)
        guard let step = state.revertDue(now: clock.now()) else { return [] }
        if state.unfinishedRevert?.step == step {
            // Its confirmation-expired is written: finish undoing what is left.
            return try rollback(.from(step: step), journal: journal, first: []).undone
        }
        return try rollback(.from(step: step), journal: journal, first: [.confirmationExpired(step: step)]).undone
    }

    /// Journals an error the watcher of `step`'s confirmation met and outlived, for `status`.
    /// Needs only the state directory: the watcher records it even when it cannot build a host.
    /// - Throws: `RunLockError` while a run holds the lock (the watcher tries again later).
    package static func recordWatcherFailure(step: StepID, error: String, stateDirectory: String, knownSteps: Set<StepID>,
                                             clock: any EngineClock = SystemClock()) throws {
        let lock = try RunLock.acquire(stateDirectory: stateDirectory, now: clock.now())
        defer { lock.release() }
        try Journal(directory: stateDirectory, knownSteps: knownSteps).append(.watcherFailed(step: step, error: error), time: clock.now())
    }
}

/// Why `confirm` did not keep a change.
package enum ConfirmationError: Error, Hashable, Sendable, CustomStringConvertible {
    case nothingWaiting
    /// The deadline had passed: the change was reverted (by the watcher, the boot hook, an
    /// earlier command, or this `confirm`).
    case tooLate(ConfirmationRevert)

    package var description: String {
        switch self {
        case .nothingWaiting:
            "nothing is waiting for confirmation; see status"
        case .tooLate(let revert):
            "too late: the confirmation deadline of \(revert.step) passed at \(Timestamp.text(revert.deadline)), "
                + (revert.finished
                    ? "so its change was reverted: reverted \((revert.steps.isEmpty ? [revert.step] : revert.steps).joined(separator: ", ")) at \(Timestamp.text(revert.revertedAt)); run apply again to retry"
                    : "and the revert begun at \(Timestamp.text(revert.revertedAt)) has not finished; run clawdie-firstboot rollback to finish it")
        }
    }
}
