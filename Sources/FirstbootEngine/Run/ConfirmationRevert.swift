/// A change reverted because its confirmation deadline passed unconfirmed: what a late
/// `confirm` reports, and what is retried while the revert has not finished.
package struct ConfirmationRevert: Hashable, Sendable {
    package var step: StepID
    /// The deadline that passed, seconds since the epoch.
    package var deadline: Int64
    /// When the revert began: the time of its `confirmation-expired` record.
    package var revertedAt: Int64
    /// The steps it set out to undo, latest first; empty until its `rollback-started`.
    package var steps: [StepID]
    /// Whether the step itself is undone, which the revert does last: it is complete.
    package var finished: Bool
}
