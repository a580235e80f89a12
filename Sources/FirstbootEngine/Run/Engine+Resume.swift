extension Engine {
    /// The application a resume undoes before applying `step` afresh: the open application
    /// of a step in doubt. A step's `changes` cannot be trusted to see every effect of its
    /// own interrupted changes (a file written but not yet loaded looks done to a step that
    /// compares the file), so the engine does not ask it: it puts back what the journal says
    /// the step changed, and the step then plans and applies against a host it can read.
    ///
    /// Nil when the step is not in doubt or recorded nothing yet; and, falling back to asking
    /// the step as before, when the application cannot be undone (an irreversible change) or
    /// another step has changed one of its files or keys since (restoring would throw that
    /// later change away).
    func interruptedApplication(of step: any Step, state: RunState) -> RunState.Application? {
        guard state.status(of: step.id) == .inDoubt, step.reversibility == .reversible,
              let open = state.openApplication(of: step.id), let first = open.liveChanges.first?.seq else { return nil }
        let targets = open.liveChanges.map(\.record.target)
        for entry in open.liveChanges {
            if case .command(.irreversible) = entry.record.prior { return nil }
        }
        for other in steps where other.id != step.id {
            let later = state.applicationsToUndo(of: other.id).flatMap(\.liveChanges).contains { entry in
                guard entry.seq > first, targets.contains(entry.record.target) else { return false }
                if case .command = entry.record.target { return false }
                return true
            }
            if later { return nil }
        }
        return open
    }

    /// The change that carries out an undo action, as a plan shows it; nil when the action
    /// touches only the journal.
    func plannedChange(for action: UndoAction, journal: Journal) throws -> Change? {
        switch action {
        case .journalOnly:
            return nil
        case .run(_, let argv, _):
            return .run(argv: argv, undo: .nothing)
        case .restore(_, let record):
            switch (record.target, record.prior) {
            case (.file(let path), .fileAbsent):
                return .removeFile(path: path)
            case (.file(let path), .file(let content, let mode, let owner)):
                return .writeFile(path: path, contents: try journal.load(content), mode: mode, owner: owner)
            case (.key(let file, let key), .keyUnset):
                return .unsetKey(file: file, key: key)
            case (.key(let file, let key), .key(let value)):
                return .setKey(file: file, key: key, value: value)
            default:
                return nil
            }
        }
    }
}
