/// A named group of steps (`firstboot`, `lockdown`, …): what `apply --phase` selects and what
/// the scheduler orders by before requirements.
///
/// A type of its own for the reasons `StepID` is one; the platform names its phases as
/// constants (`Phase.firstboot`), and a phase from the command line is made with `init(_:)`
/// and checked against the phases the steps declare.
package struct Phase: Hashable, Sendable, Encodable, CustomStringConvertible {
    /// The phase as written in the journal, on the command line and in messages.
    package let name: String

    package init(_ name: String) { self.name = name }

    package var description: String { name }

    /// Encodes as the bare string, as the journal and `plan --json` have always written it.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

extension Sequence<Phase> {
    /// The phases' names joined into one string, for a message or a log line.
    package func joined(separator: String) -> String { map(\.name).joined(separator: separator) }
}
