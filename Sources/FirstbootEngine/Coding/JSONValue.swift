/// A parsed JSON document, for every format the tool reads back (the journal, host profiles,
/// the simulated host's state): its parser refuses a key given twice, where `JSONDecoder`
/// would silently keep one of the values, so every reader has one rule for repeated keys.
package enum JSONValue: Equatable, Sendable {
    /// Members in document order; the parser refuses a key given twice.
    case object([JSONMember])
    case array([JSONValue])
    case string(String)
    /// A number written without a fraction or exponent that fits 64 bits.
    case integer(Int64)
    /// Any other number.
    case double(Double)
    case bool(Bool)
    case null

    /// Parses one complete JSON document (RFC 8259) from UTF-8 bytes; anything but
    /// whitespace after the value is an error. `allowingTrailingCommas` accepts one comma
    /// before the end of a non-empty object or array, for documents people write that
    /// `JSONDecoder` used to read.
    package static func parse(_ bytes: some Collection<UInt8>, allowingTrailingCommas: Bool = false) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in try JSONParser.parseDocument(buffer, allowsTrailingCommas: allowingTrailingCommas) }
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            try JSONParser.parseDocument(buffer, allowsTrailingCommas: allowingTrailingCommas)
        }
    }
}
