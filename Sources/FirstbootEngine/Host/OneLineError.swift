/// An error that is the one line it prints: what went wrong and what to do. The error it was
/// made from, if any, is kept as `cause` for a caller that needs more than the line; it does
/// not print, and it is detail, not identity: two errors that print the same are the same.
package protocol OneLineError: Error, Hashable, Sendable, CustomStringConvertible {
    var message: String { get }
    var cause: (any Error)? { get }
}

extension OneLineError {
    package var description: String { message }
    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.message == rhs.message }
    package func hash(into hasher: inout Hasher) { hasher.combine(message) }
}
