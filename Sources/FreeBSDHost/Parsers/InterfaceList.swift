#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The interface names printed by `ifconfig -l` (also `-l -u`, `-l -d`): one line, names
/// separated by spaces, as FreeBSD's `network.subr` reads it with word splitting.
package enum InterfaceList {
    private static let subject = "`ifconfig -l` output"

    /// Parses the names in the order printed. Empty output gives an empty list.
    package static func parse(_ output: String) throws(ParseError) -> [String] {
        let lines = output.numberedLines.filter { !$0.text.trimmedBlanks.isEmpty }
        guard lines.count <= 1 else {
            throw ParseError(
                subject: subject, expected: "all interface names on one line",
                lineNumber: lines[1].number, line: String(lines[1].text))
        }
        guard let line = lines.first else { return [] }
        let names = line.text.words.map(String.init)
        if let bad = names.first(where: { !InterfaceName.isValid($0) }) {
            throw ParseError(
                subject: subject, expected: "interface names separated by spaces",
                lineNumber: line.number, line: bad)
        }
        return names
    }
}
