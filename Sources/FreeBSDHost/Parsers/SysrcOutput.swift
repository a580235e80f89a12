#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads what `sysrc` prints (FreeBSD `usr.sbin/sysrc/sysrc`).
///
/// Setting prints `name: old -> new` (old is empty for a variable not set anywhere, hence
/// the two spaces in `tailscaled_enable:  -> YES`); a query prints `name: value`, and with
/// `-n` just `value`. A line of a set cannot be told from a query of a value that contains
/// ` -> `, so the caller says which command it ran by calling the matching function.
package enum SysrcOutput {
    /// One `name: old -> new` line of `sysrc name=value` (also `+=` and `-=`).
    package struct Change: Hashable, Sendable {
        package var name: String
        /// The value before, empty when the variable was not set.
        package var oldValue: String
        package var newValue: String

        package init(name: String, oldValue: String, newValue: String) {
            self.name = name
            self.oldValue = oldValue
            self.newValue = newValue
        }
    }

    /// One `name: value` line of `sysrc name`.
    package struct Value: Hashable, Sendable {
        package var name: String
        package var value: String

        package init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Parses the stdout of `sysrc name=value …`: one change per assignment.
    package static func changes(_ output: String) throws(ParseError) -> [Change] {
        try output.numberedLines.filter { !$0.text.isEmpty }.map { (line) throws(ParseError) -> Change in
            let (name, rest) = try nameAndRest(line, subject: "`sysrc name=value` output")
            guard let (old, new) = rest.splitOnce(at: " -> ") else {
                throw ParseError(
                    subject: "`sysrc name=value` output", expected: "\"name: old -> new\"",
                    lineNumber: line.number, line: String(line.text))
            }
            return Change(name: name, oldValue: String(old), newValue: String(new))
        }
    }

    /// Parses the stdout of `sysrc name …`: one value per name queried.
    package static func values(_ output: String) throws(ParseError) -> [Value] {
        try output.numberedLines.filter { !$0.text.isEmpty }.map { (line) throws(ParseError) -> Value in
            let (name, rest) = try nameAndRest(line, subject: "`sysrc name` output")
            return Value(name: name, value: String(rest))
        }
    }

    /// Parses the stdout of `sysrc -n name`: the value alone on one line (possibly empty).
    package static func value(_ output: String) throws(ParseError) -> String {
        let lines = output.numberedLines
        guard output.hasSuffix("\n"), lines.count == 1 else {
            throw ParseError(
                subject: "`sysrc -n name` output", expected: "exactly one line holding the value",
                lineNumber: lines.count > 1 ? 2 : nil, line: output)
        }
        return String(lines[0].text)
    }

    /// The variable named by `sysrc: unknown variable 'NAME'` (stderr, exit status 1); nil
    /// for any other text.
    package static func unknownVariable(inStderr stderr: String) -> String? {
        let prefix = "sysrc: unknown variable '"
        for line in stderr.numberedLines {
            let text = line.text.trimmedBlanks
            if text.hasPrefix(prefix), text.hasSuffix("'"), text.count > prefix.count + 1 {
                return String(text.dropFirst(prefix.count).dropLast())
            }
        }
        return nil
    }

    /// Splits `name: rest` at the first `": "` and checks that `name` is a shell variable name.
    private static func nameAndRest(_ line: NumberedLine, subject: String) throws(ParseError) -> (String, Substring) {
        guard let (name, rest) = line.text.splitOnce(at: ": "), isShellName(name) else {
            throw ParseError(
                subject: subject, expected: "a line \"name: …\" starting with an rc.conf variable name",
                lineNumber: line.number, line: String(line.text))
        }
        return (String(name), rest)
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`, what sh accepts as a variable name.
    private static func isShellName(_ name: Substring) -> Bool {
        let bytes = Array(name.utf8)
        let isLetter: (UInt8) -> Bool = { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) || $0 == UInt8(ascii: "_") }
        let isDigit: (UInt8) -> Bool = { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard let first = bytes.first, isLetter(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || isDigit($0) }
    }
}
