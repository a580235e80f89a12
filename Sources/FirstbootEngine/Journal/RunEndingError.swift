/// An error after which a run stops where it is, exactly as if the process had died: no
/// undo, no `step-failed` or `run-finished` record. The next run's recovery rules (a step in
/// doubt is re-checked and resumed; a rollback finishes what it set out to undo) cover it.
package protocol RunEndingError: Error {}

extension SimulatedCrash: RunEndingError {}

/// The journal could not take a record: the append failed and was cut back, or its fsync
/// failed. Writing further records would build on a file whose state on disk is unknown, so
/// the journal takes none for the rest of the process.
package struct JournalWriteFailure: RunEndingError, Hashable, Sendable, CustomStringConvertible {
    package var path: String
    package var reason: String

    package var description: String {
        "cannot write the journal: \(path): \(reason); this run stopped here and recorded nothing more — "
            + "free space or fix the disk, then run the same command again: it resumes from what the journal holds"
    }
}
