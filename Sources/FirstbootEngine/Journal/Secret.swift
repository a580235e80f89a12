/// A value that must never be written anywhere: its encoding and its description are a
/// placeholder, so putting one into a journal record, a plan or a message cannot leak it.
package struct Secret: Hashable, Sendable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    package static let placeholder = "<redacted>"
    private let value: String

    package init(_ value: String) { self.value = value }

    /// The secret itself, for the one place that must hand it over.
    package func reveal() -> String { value }

    package var description: String { Self.placeholder }
    package var debugDescription: String { Self.placeholder }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Self.placeholder)
    }

    /// Decoding cannot bring a secret back: what was written is only the placeholder.
    package init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "secrets are never stored"))
    }
}
