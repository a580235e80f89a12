/// One `"key": value` pair of a JSON object, kept in document order. Objects are lists of
/// members rather than dictionaries: the tool's objects are small, and a linear look-up by
/// key costs less than hashing every key while parsing.
package struct JSONMember: Equatable, Sendable {
    package var key: String
    package var value: JSONValue

    package init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
