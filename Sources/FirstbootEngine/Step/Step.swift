/// One idempotent phase of host setup.
///
/// A step describes; it does not act. Given what it observes through the context and the
/// settings it was built with, it returns the changes the host needs — none when the host
/// already matches — and the engine applies, records and, if need be, undoes them.
package protocol Step: Sendable {
    /// Stable kebab-case identifier, recorded in the journal: never rename a shipped one.
    var id: StepID { get }
    /// The phase the step belongs to (`firstboot`, `lockdown`, …).
    var phase: Phase { get }
    /// Ids of the steps that must be done before this one; `[]` for none. Without a default,
    /// so that a step declaring it with another type does not compile instead of silently
    /// requiring nothing.
    var requires: [StepID] { get }
    /// Whether rollback can undo the step.
    var reversibility: Reversibility { get }

    /// Throws `StepRefusal` when the step must not run now. Readiness conditions wait with a
    /// bounded timeout through `context.waitUntil`.
    func checkPreconditions(in context: StepContext) throws
    /// The changes the host needs, or an empty list when it already matches. Must only
    /// observe: every effect goes into the returned changes.
    func changes(in context: StepContext) throws -> [Change]
    /// After the changes were applied: throws `StepRefusal` when the host did not reach the
    /// wanted state (the engine then undoes the step).
    func verify(in context: StepContext) throws
    /// A line for the plan's reader about what the step found, such as the interface it
    /// detected; nil when there is nothing to say.
    func summary(in context: StepContext) throws -> String?
}

extension Step {
    package var reversibility: Reversibility { .reversible }
    package func checkPreconditions(in context: StepContext) throws {}
    package func verify(in context: StepContext) throws {}
    package func summary(in context: StepContext) throws -> String? { nil }
}

/// Whether rollback can undo a step.
package enum Reversibility: Hashable, Sendable {
    case reversible
    case irreversible(reason: String)
}

/// A step's refusal to run or its finding that the host is not as wanted: one line that
/// says what and what to do. The error it was made from, if any, is kept as `cause`; it does
/// not print.
package struct StepRefusal: OneLineError {
    package var message: String
    package var cause: (any Error)?
    /// True when the refusal only says that something the step waits for at apply time is
    /// not there yet (a readiness condition checked once while planning): apply waits for it,
    /// so it is no reason to refuse a phase before it starts.
    package var awaitsReadiness: Bool
    package init(_ message: String, awaitsReadiness: Bool = false, cause: (any Error)? = nil) {
        self.message = message
        self.awaitsReadiness = awaitsReadiness
        self.cause = cause
    }
}
