#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The project's one JSON writing configuration: sorted keys and unescaped slashes, so every file it
/// writes (journal, plans, host profiles) is deterministic and diffs cleanly.
package enum JSONCoding {
    package static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dataEncodingStrategy = .base64
        return encoder
    }

    /// Encodes `value` as one line of JSON (no trailing newline).
    package static func line(_ value: some Encodable) throws -> Data {
        try encoder().encode(value)
    }

    /// Pretty JSON with two-space indentation and a final newline, as people read it.
    package static func document(_ value: some Encodable) throws -> Data {
        var data = try encoder(pretty: true).encode(value)
        data.append(0x0A)
        return data
    }
}
