/// What to roll back.
package enum RollbackTarget: Hashable, Sendable {
    /// Every completed step — or, when a rollback was interrupted, what it had left to undo.
    case everything
    /// The steps of one phase.
    case phase(Phase)
    /// Every step completed after this one; the named step stays.
    case after(step: StepID)
    /// This step and every step completed after it.
    case from(step: StepID)
}

/// What a rollback did.
package struct RollbackReport: Sendable {
    /// Steps undone, in the order they were undone.
    package var undone: [StepID] = []
    package var warnings: [String] = []
}

extension Engine {
    /// Undoes completed steps in reverse order of completion from their recorded
    /// before-state. Journaled like a run: an interrupted rollback is finished by the next.
    package func rollback(_ target: RollbackTarget) throws -> RollbackReport {
        let lock = try takeRunLock()
        defer { lock.release() }
        let journal = try openJournal()
        return try rollback(target, journal: journal, first: [])
    }

    /// Undoes `target` in a locked run; `first` are records written at the start of the run,
    /// before the rollback itself (why it is happening).
    func rollback(_ target: RollbackTarget, journal: Journal, first: [JournalEvent]) throws -> RollbackReport {
        var run = JournalSession(journal: journal, clock: clock)
        var report = RollbackReport(warnings: journal.warnings)
        let chosen = try stepsToUndo(target, state: run.state)
        guard !chosen.isEmpty || !first.isEmpty else { return report }
        let applier = ChangeApplier(host: host, journal: journal)
        let phases = Scheduler.declaredPhases(steps).filter { phase in chosen.contains { $0.phase == phase } }
        try run.record(.runStarted(RunStart(command: "rollback", toolVersion: toolVersion, settingsDigest: settingsDigest,
                                            phases: phases, boot: false)))
        try run.finishing { run in
            for event in first { try run.record(event) }
            try run.record(.rollbackStarted(steps: chosen.map(\.id)))
            for step in chosen {
                if case .irreversible(let reason) = step.reversibility {
                    throw EngineError.irreversible(step: step.id, reason: reason)
                }
                for application in run.state.applicationsToUndo(of: step.id) {
                    try undo(application, of: step.id, run: &run, applier: applier)
                }
                try run.record(.stepUndone(step: step.id))
                report.undone.append(step.id)
            }
        }
        return report
    }

    /// The steps a rollback undoes, latest completion first.
    private func stepsToUndo(_ target: RollbackTarget, state: RunState) throws -> [any Step] {
        let byID = Dictionary(uniqueKeysWithValues: steps.map { ($0.id, $0) })
        // Steps with something to undo, in the order they last completed (or were begun).
        var touched: [(last: Int, step: any Step)] = []
        for step in steps {
            let applications = state.applicationsToUndo(of: step.id)
            guard !applications.isEmpty || state.status(of: step.id) == .done else { continue }
            let last = state.lastChange(of: step.id) ?? -1
            touched.append((last, step))
        }
        touched.sort { $0.last > $1.last }
        var chosen: [any Step]
        switch target {
        case .everything:
            if let pending = state.pendingRollback {
                // An interrupted rollback: finish what it set out to undo, no more.
                chosen = touched.map(\.step).filter { pending.contains($0.id) }
            } else {
                chosen = touched.map(\.step)
            }
        case .phase(let phase):
            guard Scheduler.declaredPhases(steps).contains(phase) else {
                throw EngineError.scheduling(.unknownPhase(phase, known: Scheduler.declaredPhases(steps)))
            }
            chosen = touched.map(\.step).filter { $0.phase == phase }
        case .after(let id):
            guard byID[id] != nil else { throw EngineError.unknownStep(id) }
            guard state.status(of: id) == .done, let position = touched.firstIndex(where: { $0.step.id == id }) else {
                throw EngineError.notDone(step: id)
            }
            chosen = touched[..<position].map(\.step)
        case .from(let id):
            guard byID[id] != nil else { throw EngineError.unknownStep(id) }
            guard let position = touched.firstIndex(where: { $0.step.id == id }) else {
                throw EngineError.notDone(step: id)
            }
            chosen = touched[...position].map(\.step)
        }
        let leaving = Set(chosen.map(\.id))
        for remaining in touched.map(\.step) where !leaving.contains(remaining.id) {
            if let needed = remaining.requires.first(where: leaving.contains) {
                throw EngineError.dependentsRemain(step: needed, dependent: remaining.id)
            }
        }
        // Restoring a file's old bytes would throw away what a later step that stays wrote
        // into it (two phases' steps rewriting /etc/pf.conf): that later step goes first.
        for step in chosen {
            for (seq, record) in state.applicationsToUndo(of: step.id).flatMap(\.liveChanges) {
                guard case .file(let path) = record.target else { continue }
                for remaining in touched.map(\.step) where !leaving.contains(remaining.id) {
                    let later = state.applicationsToUndo(of: remaining.id).flatMap(\.liveChanges)
                        .contains { $0.seq > seq && $0.record.target == record.target }
                    if later {
                        throw EngineError.laterChangeRemains(step: step.id, path: path, later: remaining.id, phase: remaining.phase)
                    }
                }
            }
        }
        return chosen
    }
}
