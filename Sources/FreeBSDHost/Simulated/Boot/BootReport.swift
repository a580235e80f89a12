/// What a simulated boot did: each rc.d script in the order /etc/rc ran it, and in words what
/// it did (or why it did nothing).
package struct BootReport: Sendable, Equatable, CustomStringConvertible {
    package enum Outcome: String, Sendable, Equatable {
        /// The script ran and did what `summary` says.
        case ran
        /// Its rcvar is not enabled, so rc.subr returned at once.
        case disabled
        /// The simulator does not model this script; on a real host it would have run.
        case skipped
    }

    package struct Entry: Sendable, Equatable {
        package var script: String
        package var outcome: Outcome
        package var summary: String
    }

    package var entries: [Entry] = []

    /// Script paths in run order.
    package var scripts: [String] { entries.map(\.script) }

    package func entry(_ script: String) -> Entry? {
        entries.first { $0.script == script || $0.script.hasSuffix("/" + script) }
    }

    package var description: String {
        entries.map { "\($0.script): \($0.outcome.rawValue): \($0.summary)" }.joined(separator: "\n")
    }
}
