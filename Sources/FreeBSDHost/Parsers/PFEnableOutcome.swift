#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `pfctl -e` reported on stderr.
///
/// Success prints `pf enabled` (exit 0); when pf is already on it prints
/// `pfctl: pf already enabled` and exits 1, which is not a failure for a caller that only
/// wants pf on. `pfctl -eq` prints nothing on success: check its exit status instead.
package enum PFEnableOutcome: Hashable, Sendable {
    case enabled
    case alreadyEnabled

    /// Recognises either message anywhere in stderr (other warnings may surround it).
    package static func parse(stderr: String) throws(ParseError) -> PFEnableOutcome {
        let lines = stderr.numberedLines.map { $0.text.trimmedBlanks }
        if lines.contains("pfctl: pf already enabled") { return .alreadyEnabled }
        if lines.contains("pf enabled") { return .enabled }
        throw ParseError(
            subject: "`pfctl -e` stderr", expected: "\"pf enabled\" or \"pfctl: pf already enabled\"",
            line: lines.first { !$0.isEmpty }.map(String.init) ?? "")
    }
}
