/// What an apply did.
package struct ApplyReport: Sendable {
    /// Steps that changed the host in this run.
    package var applied: [StepID] = []
    /// Steps whose host already matched.
    package var unchanged: [StepID] = []
    /// Steps found in doubt (interrupted) and resumed.
    package var resumed: [StepID] = []
    /// The step whose change now waits for confirmation, if any.
    package var awaitingConfirmation: StepID?
    package var warnings: [String] = []
}

extension Engine {
    /// Runs the steps of `phases` (all when nil) in order, resuming after an interrupted run.
    ///
    /// Every step is compared with the host and applied only where it differs. A step that
    /// fails has its own changes undone, is recorded as failed, and ends the run; steps done
    /// before it stay done.
    /// With `confirm`, that step's change is held for confirmation: before it begins, its
    /// deadline is recorded, so even a run that dies inside it leaves the deadline behind.
    package func apply(phases: [Phase]? = nil, boot: Bool = false, confirm: ConfirmationRequest? = nil) throws -> ApplyReport {
        let lock = try takeRunLock()
        defer { lock.release() }
        let journal = try openJournal()
        var run = JournalSession(journal: journal, clock: clock)
        var report = ApplyReport(warnings: journal.warnings)
        let ordered = try schedule(phases: phases, state: run.state)
        let applier = ChangeApplier(host: host, journal: journal, observer: observer)
        let runPhases = phases ?? Scheduler.declaredPhases(steps)
        try run.record(.runStarted(RunStart(command: "apply", toolVersion: toolVersion, settingsDigest: settingsDigest,
                                            phases: runPhases, boot: boot)))
        let runStarted = clock.now()
        observer?.runStarted(command: "apply", phases: runPhases, steps: ordered.count)
        do {
            try run.finishing { run in
                try refuseKnowableRefusals(ordered, run: &run, applier: applier)
                for (index, step) in ordered.enumerated() {
                    let started = clock.now()
                    run.stepStartedAt = started
                    observer?.stepStarted(step.id, index: index + 1, of: ordered.count)
                    do {
                        try applyStep(step, run: &run, applier: applier, report: &report,
                                      confirm: confirm?.step == step.id ? confirm : nil)
                    } catch let crash as SimulatedCrash {
                        throw crash
                    } catch {
                        observer?.stepFinished(step.id, outcome: .failed(String(describing: error)), seconds: clock.now() - started)
                        throw error
                    }
                    observer?.stepFinished(step.id, outcome: report.applied.last == step.id ? .applied : .unchanged, seconds: clock.now() - started)
                }
            }
        } catch let crash as SimulatedCrash {
            throw crash
        } catch {
            observer?.runFinished(error: String(describing: error), seconds: clock.now() - runStarted)
            throw error
        }
        observer?.runFinished(error: nil, seconds: clock.now() - runStarted)
        return report
    }

    private func applyStep(_ step: any Step, run: inout JournalSession, applier: ChangeApplier, report: inout ApplyReport,
                           confirm: ConfirmationRequest?) throws {
        let status = run.state.status(of: step.id)
        if status == .inDoubt { report.resumed.append(step.id) }
        if let interrupted = interruptedApplication(of: step, state: run.state) {
            // Whatever the step could observe of its own interrupted changes, put them back
            // from the journal first: the step then plans against a host it can read.
            try undoOrFail(interrupted, of: step.id, unsure: interrupted.changes.last?.seq, run: &run, applier: applier) {
                "resuming it needs the changes of its interrupted run undone first, and that failed: \($0)"
            }
        }
        var context = StepContext(host: host, isPlanning: false, completedSteps: run.state.completedSteps, clock: clock)
        context.observer = observer
        let changes: [Change]
        do {
            try step.checkPreconditions(in: context)
            changes = try step.changes(in: context)
        } catch let stop as any RunEndingError {
            throw stop
        } catch {
            try refuse(step, message: String(describing: error), run: &run, applier: applier)
        }
        if changes.isEmpty {
            if status != .done {
                if status == .inDoubt { try verify(step, context: context, run: &run, applier: applier) }
                let made = run.state.openApplication(of: step.id)?.liveChanges.count ?? 0
                try run.record(.stepDone(step: step.id, changes: made))
            }
            report.unchanged.append(step.id)
            return
        }
        if let confirm {
            try run.record(.confirmationRequested(step: step.id, deadline: Int64((clock.now() + confirm.seconds).rounded(.up))))
            report.awaitingConfirmation = step.id
        }
        try run.record(.stepBegun(step: step.id))
        for change in changes {
            let prior = try applier.capturePrior(of: change)
            let recorded = try run.record(.changeRecorded(step: step.id, change: prior))
            do {
                try applier.perform(change)
            } catch let stop as any RunEndingError {
                throw stop
            } catch {
                try failStep(step, message: String(describing: error), failedSeq: recorded.seq, run: &run, applier: applier)
            }
        }
        try verify(step, context: context, run: &run, applier: applier)
        try run.record(.stepDone(step: step.id, changes: changes.count))
        report.applied.append(step.id)
    }

    /// Refuses the whole run before its first change when a step's refusal is already
    /// knowable, as `plan` knows it: the run is planned first, and a step the plan refuses
    /// ends it before any step has changed the host. What can only be told once earlier steps
    /// are applied, or a readiness condition apply waits for, is left to the step itself.
    private func refuseKnowableRefusals(_ ordered: [any Step], run: inout JournalSession, applier: ChangeApplier) throws {
        do {
            _ = try plan(ordered, state: run.state, journal: run.journal, deferringReadiness: true)
        } catch EngineError.preconditionFailed(let id, let message) {
            guard let step = ordered.first(where: { $0.id == id }) else { throw EngineError.preconditionFailed(step: id, message: message) }
            try refuse(step, message: message, run: &run, applier: applier)
        }
    }

    /// Records that `step` refused to run and throws. A step interrupted earlier and now
    /// refused first has what it had already changed put back. Never returns.
    private func refuse(_ step: any Step, message: String, run: inout JournalSession, applier: ChangeApplier) throws -> Never {
        if run.state.status(of: step.id) == .inDoubt {
            try failStep(step, message: message, failedSeq: nil, run: &run, applier: applier)
        }
        try run.record(.stepFailed(step: step.id, error: message))
        throw EngineError.preconditionFailed(step: step.id, message: message)
    }

    private func verify(_ step: any Step, context: StepContext, run: inout JournalSession, applier: ChangeApplier) throws {
        do {
            try step.verify(in: context)
        } catch let stop as any RunEndingError {
            throw stop
        } catch {
            try failStep(step, message: "verification failed: \(error)", failedSeq: nil, run: &run, applier: applier)
        }
    }

    /// Undoes the step's open application, records the failure and throws. Never returns.
    private func failStep(_ step: any Step, message: String, failedSeq: Int?, run: inout JournalSession, applier: ChangeApplier) throws -> Never {
        if let application = run.state.openApplication(of: step.id) {
            try undoOrFail(application, of: step.id, unsure: failedSeq, run: &run, applier: applier) {
                "\(message); undoing it failed: \($0)"
            }
        }
        try run.record(.stepFailed(step: step.id, error: message))
        throw EngineError.stepFailed(step: step.id, message: message)
    }

    /// Undoes `application`; when that fails, records the step as failed with `explain`'s
    /// message about the error and throws `undoFailed`.
    private func undoOrFail(_ application: RunState.Application, of step: StepID, unsure: Int?,
                            run: inout JournalSession, applier: ChangeApplier, explain: (any Error) -> String) throws {
        do {
            try undo(application, of: step, unsure: unsure, run: &run, applier: applier)
        } catch let stop as any RunEndingError {
            throw stop
        } catch {
            let message = explain(error)
            try run.record(.stepFailed(step: step, error: message))
            throw EngineError.undoFailed(step: step, message: message)
        }
    }
}
