/// An environment error from a host operation: it names the path or command and what
/// went wrong, in one line an operator can act on.
package struct HostError: Error, Hashable, Sendable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
