#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads what `pkg` prints.
///
/// Whether one package is installed needs no parsing: `pkg info -e NAME` prints nothing and
/// exits 0 when NAME is installed, 1 when it is not.
package enum PkgOutput {
    private static let subject = "`pkg info` output"

    /// Parses `pkg info` without arguments: one line per package, `name-version` followed
    /// by blanks and the comment. The version is what follows the last `-` of the first word,
    /// since package names may themselves contain dashes (`py311-pip-23.3.2`).
    package static func installedPackages(_ output: String) throws(ParseError) -> [InstalledPackage] {
        var packages: [InstalledPackage] = []
        for line in output.numberedLines where !line.text.trimmedBlanks.isEmpty {
            guard let word = line.text.words.first, !line.text.hasPrefix(" "), !line.text.hasPrefix("\t"),
                  let dash = word.lastIndex(of: "-"), dash != word.startIndex,
                  word.index(after: dash) != word.endIndex else {
                throw ParseError(
                    subject: subject, expected: "a line \"name-version  comment\"",
                    lineNumber: line.number, line: String(line.text))
            }
            packages.append(InstalledPackage(
                name: String(word[..<dash]), version: String(word[word.index(after: dash)...])))
        }
        return packages
    }

    /// The package named by `pkg: No packages available to install matching 'NAME' have
    /// been found in the repositories` (what `pkg install` prints for an unknown package);
    /// nil for any other text.
    package static func unavailablePackage(in text: String) -> String? {
        let prefix = "pkg: No packages available to install matching '"
        let suffix = "' have been found in the repositories"
        for line in text.numberedLines {
            let trimmed = line.text.trimmedBlanks
            if trimmed.hasPrefix(prefix), trimmed.hasSuffix(suffix), trimmed.count > prefix.count + suffix.count {
                return String(trimmed.dropFirst(prefix.count).dropLast(suffix.count))
            }
        }
        return nil
    }
}
