/// One action of undoing an application, in the order it is taken. Executing it is
/// `Engine.undo`; describing it is the plan of a step to resume.
enum UndoAction {
    /// Put a file or key back to its recorded before-state.
    case restore(seq: Int, ChangeRecord)
    /// Run a command: an undo command, or a command that reloads a restored file.
    case run(seq: Int, argv: [String], acceptingFailureWith: String?)
    /// Nothing to do on the host; the record is only marked undone (a repeated target, a
    /// command with nothing to put back).
    case journalOnly(seq: Int)

    var seq: Int {
        switch self {
        case .restore(let seq, _), .run(let seq, _, _), .journalOnly(let seq): seq
        }
    }
}

extension Engine {
    /// Undoes one application of a step: its live changes in reverse order, each target put
    /// back to the before-state of its earliest record (a step resumed after a crash may have
    /// recorded the same target twice), commands by their undo, and commands that reload what
    /// a file says run again once the files are restored. Every undone change is journaled, so
    /// an interrupted undo continues where it stopped.
    ///
    /// `unsure` is the change that may or may not have been made: the last one a run recorded
    /// before it died (a record is durable before its change is made), or the change that
    /// failed — a command's non-zero exit is no proof that it did nothing (`pfctl -f` may have
    /// loaded a table before it failed), so it is undone like the others. Its undo command may
    /// fail because there is nothing to undo, and that failure is accepted.
    func undo(_ application: RunState.Application, of step: StepID, unsure: Int? = nil,
              run: inout JournalSession, applier: ChangeApplier) throws {
        for action in try undoActions(application, of: step) {
            switch action {
            case .restore(_, let record):
                try applier.restore(record)
            case .run(let seq, let argv, let accepted):
                do {
                    try applier.runChecked(argv, acceptingFailureWith: accepted)
                } catch is ChangeFailure where seq == unsure {
                    // Never made, so nothing to undo.
                }
            case .journalOnly:
                break
            }
            try run.record(.changeUndone(step: step, seq: action.seq))
        }
    }

    /// What undoing `application` takes, in order; throws when a change cannot be undone.
    func undoActions(_ application: RunState.Application, of step: StepID) throws -> [UndoAction] {
        let live = application.liveChanges
        var actions: [UndoAction] = []
        var reruns: [UndoAction] = []
        for (index, entry) in live.enumerated().reversed() {
            let repeatsEarlier = live[..<index].contains { $0.record.target == entry.record.target }
            if repeatsEarlier {
                actions.append(.journalOnly(seq: entry.seq))
                continue
            }
            switch entry.record.prior {
            case .command(.command(let argv)):
                actions.append(.run(seq: entry.seq, argv: argv, acceptingFailureWith: nil))
            case .command(.commandUnlessUndone(let argv, let alreadyUndone)):
                actions.append(.run(seq: entry.seq, argv: argv, acceptingFailureWith: alreadyUndone))
            case .command(.rerunAfterRestore):
                if case .command(let argv) = entry.record.target {
                    reruns.append(.run(seq: entry.seq, argv: argv, acceptingFailureWith: nil))
                }
            case .command(.nothing):
                actions.append(.journalOnly(seq: entry.seq))
            case .command(.irreversible(let reason)):
                throw EngineError.irreversible(step: step, reason: reason)
            default:
                actions.append(.restore(seq: entry.seq, entry.record))
            }
        }
        return actions + reruns.reversed()
    }
}
