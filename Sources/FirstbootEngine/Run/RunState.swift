/// Where the host stands, derived from the journal alone.
///
/// A value-type state machine: `handle` takes the journal's records one by one (events in)
/// and the queries say what the engine must do next (actions out) — resume a step in doubt,
/// skip one that is done, undo an application. `status` and the boot hook use it without
/// touching the host.
package struct RunState: Sendable {
    package enum StepStatus: Hashable, Sendable {
        /// Never begun, or undone by a rollback.
        case pending
        /// Begun and not finished: the run stopped inside it. Re-checked on resume.
        case inDoubt
        case done
        /// Failed; its partial changes were undone.
        case failed(String)
    }

    /// One application of a step: the changes between its `step-begun` and `step-done`.
    package struct Application: Sendable {
        package enum Outcome: Sendable { case open, done, failed, undone }
        package var changes: [(seq: Int, record: ChangeRecord)] = []
        package var undone: Set<Int> = []
        package var outcome: Outcome = .open

        /// The recorded changes not yet undone, in the order they were made.
        package var liveChanges: [(seq: Int, record: ChangeRecord)] {
            changes.filter { !undone.contains($0.seq) }
        }
    }

    package private(set) var steps: [StepID: StepStatus] = [:]
    package private(set) var applications: [StepID: [Application]] = [:]
    /// The run that started and has not finished: it was interrupted, or is still running.
    package private(set) var openRun: RunStart?
    package private(set) var lastRun: RunStart?
    package private(set) var lastRunSucceeded: Bool?
    package private(set) var lastError: String?
    /// A rollback that started and has not finished.
    package private(set) var pendingRollback: [StepID]?
    /// A change waiting for the operator's confirmation: the step and its deadline.
    package private(set) var awaitingConfirmation: (step: StepID, deadline: Int64)?
    /// Steps reverted because their confirmation never came; cleared when the step is
    /// applied and confirmed again.
    package private(set) var expiredConfirmations: Set<StepID> = []
    /// The last change reverted for want of confirmation, until the step is held for
    /// confirmation again, confirmed, or applied anew.
    package private(set) var lastRevert: ConfirmationRevert?
    /// The last error the watcher of the waiting (or reverting) change journaled.
    package private(set) var watcherFailure: (step: StepID, error: String, time: Int64)?
    /// Boot runs that failed, or were interrupted and followed by another run, since the last
    /// apply that succeeded. The open run is not among them: see `failedBoots(openRunAlive:)`.
    private var finishedFailedBoots = 0
    /// The sequence number of the last record about each step: its order of completion.
    package private(set) var lastRecord: [StepID: Int] = [:]

    package init() {}

    package init(records: [JournalRecord]) {
        for record in records { handle(record) }
    }

    package func status(of step: StepID) -> StepStatus { steps[step] ?? .pending }

    /// A revert that began (its `confirmation-expired` is written) and has not undone its
    /// step, which is still applied: it died or failed on the way, and must be finished.
    package var unfinishedRevert: ConfirmationRevert? {
        guard let revert = lastRevert, !revert.finished, [.done, .inDoubt].contains(status(of: revert.step)) else { return nil }
        return revert
    }

    /// The step that must be reverted now, at `now` (seconds since the epoch): one whose
    /// confirmation deadline has passed, or whose revert has not finished. Nil when none.
    package func revertDue(now: Double) -> StepID? {
        if let waiting = awaitingConfirmation, Int64(now) >= waiting.deadline { return waiting.step }
        return unfinishedRevert?.step
    }

    /// Boot runs that failed since the last apply that succeeded. An open boot run counts as
    /// failed as soon as it is known dead (nothing holds the run lock): a boot killed mid-run
    /// must weigh on the retry limit like one that failed cleanly, not only once the next run
    /// has begun.
    package func failedBoots(openRunAlive: Bool) -> Int {
        finishedFailedBoots + (openRun?.boot == true && !openRunAlive ? 1 : 0)
    }

    package var completedSteps: Set<StepID> {
        Set(steps.compactMap { $0.value == .done ? $0.key : nil })
    }

    /// The step's application that is still open (the step is in doubt), if any.
    package func openApplication(of step: StepID) -> Application? {
        applications[step]?.last.flatMap { $0.outcome == .open ? $0 : nil }
    }

    /// Applications rollback must undo for `step`, latest first.
    package func applicationsToUndo(of step: StepID) -> [Application] {
        (applications[step] ?? []).filter { $0.outcome == .done || $0.outcome == .open }.reversed()
    }

    /// The sequence number of the step's last record, nil when it has none.
    package func lastChange(of step: StepID) -> Int? { lastRecord[step] }

    package mutating func handle(_ record: JournalRecord) {
        switch record.event {
        case .stepUndone(let step):
            lastRecord[step] = nil
        case .confirmationRequested, .confirmed, .confirmationExpired, .watcherFailed:
            // About the step's confirmation, not its application: they must not move it later
            // in the order of completion that rollback undoes by.
            break
        default:
            if let step = record.event.step { lastRecord[step] = record.seq }
        }
        switch record.event {
        case .runStarted(let start):
            if let interrupted = openRun, interrupted.boot { finishedFailedBoots += 1 }
            openRun = start
            lastRun = start
            lastRunSucceeded = nil
            lastError = nil
        case .stepBegun(let step):
            if openApplication(of: step) == nil {
                applications[step, default: []].append(Application())
            }
            steps[step] = .inDoubt
        case .changeRecorded(let step, let change):
            if openApplication(of: step) == nil {
                applications[step, default: []].append(Application())
            }
            applications[step]![applications[step]!.count - 1].changes.append((record.seq, change))
        case .changeUndone(let step, let seq):
            guard var list = applications[step],
                  let index = list.lastIndex(where: { app in app.changes.contains { $0.seq == seq } }) else { return }
            list[index].undone.insert(seq)
            applications[step] = list
        case .stepDone(let step, _):
            closeOpenApplication(of: step, as: .done)
            // Applied anew after its revert: a later `confirm` has nothing to be late for.
            if lastRevert?.step == step && lastRevert?.finished == true { lastRevert = nil }
            steps[step] = .done
        case .stepFailed(let step, let error):
            closeOpenApplication(of: step, as: .failed)
            steps[step] = .failed(error)
            // A change that failed and was undone has nothing left to confirm.
            if awaitingConfirmation?.step == step { awaitingConfirmation = nil }
        case .stepUndone(let step):
            if awaitingConfirmation?.step == step { awaitingConfirmation = nil }
            if lastRevert?.step == step { lastRevert?.finished = true }
            if watcherFailure?.step == step { watcherFailure = nil }
            if var list = applications[step] {
                for index in list.indices where list[index].outcome == .done || list[index].outcome == .open {
                    list[index].outcome = .undone
                }
                applications[step] = list
            }
            steps[step] = .pending
        case .confirmationRequested(let step, let deadline):
            awaitingConfirmation = (step, deadline)
            lastRevert = nil
            watcherFailure = nil
        case .confirmed(let step):
            if awaitingConfirmation?.step == step { awaitingConfirmation = nil }
            expiredConfirmations.remove(step)
            lastRevert = nil
            watcherFailure = nil
        case .confirmationExpired(let step):
            let deadline = awaitingConfirmation?.step == step ? awaitingConfirmation!.deadline : record.time
            if awaitingConfirmation?.step == step { awaitingConfirmation = nil }
            expiredConfirmations.insert(step)
            lastRevert = ConfirmationRevert(step: step, deadline: deadline, revertedAt: record.time, steps: [], finished: false)
        case .watcherFailed(let step, let error):
            watcherFailure = (step, error, record.time)
        case .rollbackStarted(let steps):
            pendingRollback = steps
            if lastRevert?.finished == false && lastRevert?.steps.isEmpty == true { lastRevert?.steps = steps }
        case .runFinished(let succeeded, let error):
            if let run = openRun {
                if succeeded { pendingRollback = nil }
                // A successful apply, by the hook or by an operator, ends a run of failed boots.
                if run.command == "apply" && succeeded { finishedFailedBoots = 0 }
                if run.boot && !succeeded { finishedFailedBoots += 1 }
            }
            openRun = nil
            lastRunSucceeded = succeeded
            lastError = error
        }
    }

    private mutating func closeOpenApplication(of step: StepID, as outcome: Application.Outcome) {
        guard var list = applications[step], let last = list.indices.last, list[last].outcome == .open else { return }
        list[last].outcome = outcome
        applications[step] = list
    }
}
