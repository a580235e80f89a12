#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Output of a FreeBSD command that does not have the shape the parser relies on.
///
/// One type for every parser, so a caller can report any of them the same way: what was
/// being read, what was expected, and the offending line when there is one.
package struct ParseError: Error, CustomStringConvertible, Hashable, Sendable {
    /// What was being read, e.g. "`ifconfig` output".
    package var subject: String
    /// What the parser expected to find instead.
    package var expected: String
    /// 1-based line number within the text given to the parser, when known.
    package var lineNumber: Int?
    /// The offending line (or value) as it was read, when known.
    package var line: String?

    package init(subject: String, expected: String, lineNumber: Int? = nil, line: String? = nil) {
        self.subject = subject
        self.expected = expected
        self.lineNumber = lineNumber
        self.line = line
    }

    package var description: String {
        var text = "cannot read \(subject): expected \(expected)"
        switch (lineNumber, line) {
        case let (number?, line?): text += " (line \(number): \"\(Self.shortened(line))\")"
        case let (number?, nil): text += " (line \(number))"
        case let (nil, line?): text += " (got \"\(Self.shortened(line))\")"
        case (nil, nil): break
        }
        return text
    }

    /// Keeps an error message to one readable line whatever the command printed.
    private static func shortened(_ text: String) -> String {
        let oneLine = text.replacingEvery("\n", with: "\\n").replacingEvery("\t", with: "\\t")
        return oneLine.count > 120 ? String(oneLine.prefix(117)) + "..." : oneLine
    }
}
