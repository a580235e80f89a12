/// A well-formed JSON document whose content is not what the format needs: a member missing
/// or of another type, named by its path (`change.before.mode`).
package struct JSONShapeError: Error, Hashable, Sendable, CustomStringConvertible {
    package var path: String
    package var expected: String

    package init(path: String, expected: String) {
        self.path = path
        self.expected = expected
    }

    package var description: String { "field `\(path)`: expected \(expected)" }
}
