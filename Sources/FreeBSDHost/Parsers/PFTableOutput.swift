#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads `pfctl -t NAME -T show`: one entry per line, indented by three columns
/// (`   1.2.3.4`, a network as `10.0.0.0/8`, a negated entry as `!1.2.3.4`). An existing
/// empty table prints nothing and exits 0; a missing one fails with
/// `pfctl: Table does not exist.` on stderr.
package enum PFTableOutput {
    private static let subject = "`pfctl -T show` output"

    /// The entries as written by pfctl, in printed order. Verbose statistics lines
    /// (`-v`, indented by a TAB) are skipped.
    package static func entries(_ output: String) throws(ParseError) -> [String] {
        var entries: [String] = []
        for line in output.numberedLines where !line.text.trimmedBlanks.isEmpty {
            if line.text.hasPrefix("\t") { continue }
            let entry = line.text.trimmedBlanks
            guard line.text.hasPrefix(" "), entry.words.count == 1, entry.allSatisfy(isEntryCharacter) else {
                throw ParseError(
                    subject: subject, expected: "one indented address or network per line, such as \"   192.0.2.1\"",
                    lineNumber: line.number, line: String(line.text))
            }
            entries.append(String(entry))
        }
        return entries
    }

    /// True when stderr says the table does not exist (`pfctl: Table does not exist.`).
    package static func isMissingTable(stderr: String) -> Bool {
        stderr.numberedLines.contains { $0.text.trimmedBlanks == "pfctl: Table does not exist." }
    }

    /// Addresses, networks, negation, IPv6 scopes and (with `-r`) host names.
    private static func isEntryCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || ".:/!%-_".contains(character))
    }
}
