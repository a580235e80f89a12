extension Engine {
    /// Undoes one application of a step: its live changes in reverse order, each target put
    /// back to the before-state of its earliest record (a step resumed after a crash may have
    /// recorded the same target twice), commands by their undo, and commands that reload what
    /// a file says run again once the files are restored. Every undone change is journaled, so
    /// an interrupted undo continues where it stopped.
    func undo(_ application: RunState.Application, of step: String, skipping skipped: Int?,
              run: inout JournalSession, applier: ChangeApplier) throws {
        let live = application.liveChanges
        var reruns: [(seq: Int, argv: [String])] = []
        for (index, entry) in live.enumerated().reversed() {
            let repeatsEarlier = live[..<index].contains { $0.record.target == entry.record.target }
            if entry.seq == skipped || repeatsEarlier {
                try run.record(.changeUndone(step: step, seq: entry.seq))
                continue
            }
            switch entry.record.prior {
            case .command(.command(let argv)):
                try applier.runChecked(argv)
            case .command(.commandUnlessUndone(let argv, let alreadyUndone)):
                try applier.runChecked(argv, acceptingFailureWith: alreadyUndone)
            case .command(.rerunAfterRestore):
                if case .command(let argv) = entry.record.target { reruns.append((entry.seq, argv)) }
                continue
            case .command(.nothing):
                break
            case .command(.irreversible(let reason)):
                throw EngineError.irreversible(step: step, reason: reason)
            default:
                try applier.restore(entry.record)
            }
            try run.record(.changeUndone(step: step, seq: entry.seq))
        }
        for rerun in reruns.reversed() {
            try applier.runChecked(rerun.argv)
            try run.record(.changeUndone(step: step, seq: rerun.seq))
        }
    }
}
