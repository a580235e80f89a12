#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `apply` would do, step by step, computed exactly as `apply` computes it.
package struct Plan: Sendable {
    package var steps: [PlannedStep]

    /// True when applying would change the host.
    package var hasChanges: Bool { steps.contains { !$0.changes.isEmpty || $0.action == .deferred || $0.action == .resume } }
}

package struct PlannedStep: Sendable {
    package enum Action: String, Sendable {
        /// The step has changes to make.
        case apply
        /// The host already matches.
        case noop
        /// The step's preconditions can only be checked once earlier steps are applied; its
        /// changes, where they can be told already, are listed.
        case deferred
        /// The step is in doubt (a run stopped inside it): apply first undoes what its
        /// interrupted application recorded (`undo`), then applies it afresh (`changes`).
        case resume
    }

    package var id: StepID
    package var phase: Phase
    package var action: Action
    package var changes: [PlannedChange]
    /// For a step to resume: what apply undoes first, from the journal, in order.
    package var undo: [PlannedChange] = []
    /// Why the step is deferred, or other words for the reader.
    package var note: String?
}

/// A change with the before-state a reader needs to review it.
package struct PlannedChange: Sendable {
    package var change: Change
    /// For file changes: the current bytes, mode and owner, nil when the file is absent.
    package var fileBefore: (contents: Data, mode: FileMode, owner: FileOwner)?
    /// For key changes: the current value, nil when unset.
    package var keyBefore: String?
}
