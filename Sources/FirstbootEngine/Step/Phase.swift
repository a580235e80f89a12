/// A named group of steps (`firstboot`, `lockdown`, …): what `apply --phase` selects and what
/// the scheduler orders by before requirements.
///
/// The platform names its phases as constants (`Phase.firstboot`); a phase from the command
/// line or the configuration is made with `init(_:)` and checked against the phases the steps
/// declare.
package typealias Phase = TypedName<PhaseKind>

/// What makes a `TypedName` a phase.
package enum PhaseKind {}
