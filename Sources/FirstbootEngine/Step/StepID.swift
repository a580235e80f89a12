/// A step's stable identifier: kebab-case, recorded in the journal, never renamed once shipped.
///
/// A type of its own so that a step id cannot be passed where a phase, a path or a message is
/// wanted. Product code names each id once, as a constant beside its step
/// (`extension StepID { static let enablePF = StepID("enable-pf") }`), so that a mistyped
/// requirement does not compile; ids read from a journal or a command line are made with
/// `init(_:)` and checked against the steps the binary knows.
package struct StepID: Hashable, Comparable, Sendable, Encodable, CustomStringConvertible {
    /// The id as written in the journal, in plans and in messages.
    package let name: String

    package init(_ name: String) { self.name = name }

    package var description: String { name }

    package static func < (lhs: StepID, rhs: StepID) -> Bool { lhs.name < rhs.name }

    /// Encodes as the bare string, as the journal and `plan --json` have always written it.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

extension Sequence<StepID> {
    /// The ids' names joined into one string, for a message or a log line.
    package func joined(separator: String) -> String { map(\.name).joined(separator: separator) }
}
