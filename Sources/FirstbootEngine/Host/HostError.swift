/// An environment error from a host operation: it names the path or command and what
/// went wrong, in one line an operator can act on. The error it was made from, if any, is
/// kept as `cause` for a caller that needs more than the line; it does not print.
package struct HostError: OneLineError {
    package var message: String
    package var cause: (any Error)?
    package init(_ message: String, cause: (any Error)? = nil) {
        self.message = message
        self.cause = cause
    }
}
