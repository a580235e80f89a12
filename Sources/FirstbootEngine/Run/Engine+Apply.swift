/// What an apply did.
package struct ApplyReport: Sendable {
    /// Steps that changed the host in this run.
    package var applied: [String] = []
    /// Steps whose host already matched.
    package var unchanged: [String] = []
    /// Steps found in doubt (interrupted) and resumed.
    package var resumed: [String] = []
    /// The step whose change now waits for confirmation, if any.
    package var awaitingConfirmation: String?
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
    package func apply(phases: [String]? = nil, boot: Bool = false, confirm: ConfirmationRequest? = nil) throws -> ApplyReport {
        let lock = try RunLock.acquire(stateDirectory: stateDirectory, now: clock.now())
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
        var context = StepContext(host: host, isPlanning: false, completedSteps: run.state.completedSteps, clock: clock)
        context.observer = observer
        let changes: [Change]
        do {
            try step.checkPreconditions(in: context)
            changes = try step.changes(in: context)
        } catch let stop as any RunEndingError {
            throw stop
        } catch {
            let message = String(describing: error)
            if status == .inDoubt {
                // Interrupted earlier and now refused: put back what it had already changed.
                try failStep(step, message: message, failedSeq: nil, run: &run, applier: applier)
            }
            try run.record(.stepFailed(step: step.id, error: message))
            throw EngineError.preconditionFailed(step: step.id, message: message)
        }
        if changes.isEmpty {
            if status != .done {
                if status == .inDoubt { try verify(step, context: context, run: &run, applier: applier) }
                let made = run.state.openApplication(of: step.id)?.changes.count ?? 0
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
            do {
                try undo(application, of: step.id, skipping: failedSeq, run: &run, applier: applier)
            } catch let stop as any RunEndingError {
                throw stop
            } catch {
                let combined = "\(message); undoing it failed: \(error)"
                try run.record(.stepFailed(step: step.id, error: combined))
                throw EngineError.undoFailed(step: step.id, message: combined)
            }
        }
        try run.record(.stepFailed(step: step.id, error: message))
        throw EngineError.stepFailed(step: step.id, message: message)
    }
}
