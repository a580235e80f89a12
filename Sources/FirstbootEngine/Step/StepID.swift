/// A step's stable identifier: kebab-case, recorded in the journal, never renamed once shipped.
///
/// Product code names each id once, as a constant beside its step
/// (`extension StepID { static let enablePF = StepID("enable-pf") }`), so that a mistyped
/// requirement does not compile; ids read from a journal or a command line are made with
/// `init(_:)` and checked against the steps the binary knows.
package typealias StepID = TypedName<StepIDKind>

/// What makes a `TypedName` a step id.
package enum StepIDKind {}
