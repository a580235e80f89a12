/// Why bytes are not one well-formed JSON document, and the byte offset where that was found.
package struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    package var offset: Int
    package var reason: String

    package init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    package var description: String { "not valid JSON at byte \(offset): \(reason)" }
}
