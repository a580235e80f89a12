/// A name with a type of its own: `StepID` and `Phase` are both text in the journal and on the
/// command line, but one cannot be passed where the other, a path or a message is wanted.
/// `Kind` only tells them apart; it holds nothing.
package struct TypedName<Kind>: Hashable, Sendable, Encodable, CustomStringConvertible {
    /// The name as written in the journal, on the command line, in plans and in messages.
    package let name: String

    package init(_ name: String) { self.name = name }

    package var description: String { name }

    /// Encodes as the bare string, as the journal and `plan --json` have always written it.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

extension Sequence {
    /// The names joined into one string, for a message or a log line.
    package func joined<Kind>(separator: String) -> String where Element == TypedName<Kind> {
        map(\.name).joined(separator: separator)
    }
}
