/// What pf would do with a packet, and which line of pf.conf decided it.
package struct PFVerdict: Sendable, Equatable {
    package enum Cause: Sendable, Equatable {
        /// The last matching rule (or a matching `quick` rule) at `line`.
        case rule
        /// `set skip on` the packet's interface, at `line`.
        case skippedInterface
        /// No rule matched: pf passes the packet.
        case noMatchingRule
    }

    package var action: PFAction
    /// The deciding statement's line; nil when no rule matched.
    package var line: Int?
    package var cause: Cause

    package init(action: PFAction, line: Int?, cause: Cause = .rule) {
        self.action = action
        self.line = line
        self.cause = cause
    }

    package var passes: Bool { action == .pass }
}
