#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Whether pf is enabled, from the first line of `pfctl -s info` (the same line opens
/// `service pf status`).
///
/// pfctl prints `Status: Enabled for D days HH:MM:SS` or `Status: Disabled`, padded to 44
/// columns and followed by the debug level (`Debug: Urgent`). Like `rc.d/pf`, only the
/// `Status: Enabled` prefix is trusted.
package struct PFStatus: Hashable, Sendable {
    package var enabled: Bool
    /// The status line as printed, without trailing blanks.
    package var statusLine: String

    package init(enabled: Bool, statusLine: String) {
        self.enabled = enabled
        self.statusLine = statusLine
    }

    /// Parses stdout of `pfctl -s info`; its first non-empty line must be the status line.
    package static func parse(_ output: String) throws(ParseError) -> PFStatus {
        let lines = output.numberedLines
        guard let line = lines.first(where: { !$0.text.trimmedBlanks.isEmpty }) else {
            throw ParseError(subject: "`pfctl -s info` output", expected: "a line \"Status: Enabled …\" or \"Status: Disabled\", got no output")
        }
        let text = String(line.text.trimmedBlanks)
        if text.hasPrefix("Status: Enabled") { return PFStatus(enabled: true, statusLine: text) }
        if text.hasPrefix("Status: Disabled") { return PFStatus(enabled: false, statusLine: text) }
        throw ParseError(
            subject: "`pfctl -s info` output", expected: "a line \"Status: Enabled …\" or \"Status: Disabled\"",
            lineNumber: line.number, line: String(line.text))
    }
}
