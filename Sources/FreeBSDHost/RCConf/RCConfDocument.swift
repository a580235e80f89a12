#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A file in rc.conf syntax (`/etc/rc.conf`, the tool's own configuration file): shell
/// variable assignments, comments and blank lines.
///
/// Reading follows sh: the last assignment of a name wins. Editing keeps every other byte of
/// the file as it was, so an operator's comments and ordering survive, and a rollback that
/// puts a value back yields the original file. The document holds bytes, not text: a line
/// that is not UTF-8 (a Latin-1 comment) is read as if decoded with replacement characters,
/// but written back exactly as it was.
package struct RCConfDocument: Sendable, Equatable {
    package struct Assignment: Sendable, Equatable {
        package var key: String
        package var value: String
        /// 1-based line number in the text the document was parsed from.
        package var line: Int
    }

    /// The file's lines, as bytes, without their terminating newlines.
    private var lines: [[UInt8]]
    /// Whether the text ended with a newline (an empty file counts as ending with one).
    private var endsWithNewline: Bool

    /// Parses `text`. In strict mode (the tool's own configuration) a line that is not an
    /// assignment, a comment or blank is an error naming `path` and the line; in lenient mode
    /// (a host's rc.conf, which may hold any sh) such lines are kept and ignored.
    package init(text: String, path: String = "rc.conf", strict: Bool = false) throws(RCConfError) {
        try self.init(bytes: Array(text.utf8), path: path, strict: strict)
    }

    /// Parses the file's bytes; see `init(text:path:strict:)`.
    package init(bytes: some BidirectionalCollection<UInt8>, path: String = "rc.conf", strict: Bool = false) throws(RCConfError) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
        endsWithNewline = bytes.isEmpty || bytes.last == UInt8(ascii: "\n")
        if endsWithNewline { lines.removeLast() }
        self.lines = lines
        // Only strict mode acts on what a line is; lenient mode keeps every line as it is.
        guard strict else { return }
        for (index, line) in lines.enumerated() {
            if line.last == UInt8(ascii: "\r") {
                throw RCConfError(path: path, line: index + 1, message: "line ends in CR: the file has DOS line endings; convert it with tr -d '\\r' < \(path) > \(path).new and move the new file into place")
            }
            switch Self.classify(Self.decoded(line)) {
            case .assignment, .blank: continue
            case .malformed(let reason):
                if strict { throw RCConfError(path: path, line: index + 1, message: reason) }
            case .other:
                if strict {
                    throw RCConfError(path: path, line: index + 1, message: "expected name=\"value\", a comment or a blank line")
                }
            }
        }
    }

    /// Every assignment in file order.
    package var assignments: [Assignment] {
        lines.enumerated().compactMap { index, line in
            if case .assignment(let key, let value) = Self.classify(Self.decoded(line)) {
                return Assignment(key: key, value: value, line: index + 1)
            }
            return nil
        }
    }

    /// The value of `key` in rc.conf text, without parsing the other lines: only lines that
    /// start with `key=` are read. The same answer as `RCConfDocument(text:).value(of:)`.
    package static func value(of key: String, inText text: String) -> String? {
        value(of: key, inBytes: Array(text.utf8))
    }

    /// `value(of:inText:)` on the file's bytes.
    package static func value(of key: String, inBytes bytes: [UInt8]) -> String? {
        var found: String?
        let prefix = Array((key + "=").utf8)
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            let start = line.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } ?? line.endIndex
            guard line[start...].starts(with: prefix) else { continue }
            if case .assignment(_, let value) = classify(decoded(line)) { found = value }
        }
        return found
    }

    /// The value sh would see after sourcing the file; nil when never assigned.
    package func value(of key: String) -> String? {
        lastAssignment(of: key).map { assignment in assignment.value }
    }

    /// The last assignment of `key`, for error messages that name its line.
    package func lastAssignment(of key: String) -> Assignment? {
        assignments.last { $0.key == key }
    }

    /// Sets `key`: the last assignment's line is rewritten in place, else one is appended.
    package mutating func set(_ key: String, to value: String) {
        let line = Array("\(key)=\(Self.quote(value))".utf8)
        if let last = lastAssignment(of: key) {
            lines[last.line - 1] = line
        } else {
            if !endsWithNewline { endsWithNewline = true }
            lines.append(line)
        }
    }

    /// Removes every assignment of `key`.
    package mutating func unset(_ key: String) {
        lines = lines.filter { line in
            if case .assignment(let name, _) = Self.classify(Self.decoded(line)) { return name != key }
            return true
        }
    }

    /// The document as file text (bytes that are not UTF-8 become U+FFFD; write `bytes`).
    package var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The document as the file's bytes: every line not edited is as it was read.
    package var bytes: [UInt8] {
        if lines.isEmpty { return [] }
        var out = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        if endsWithNewline { out.append(UInt8(ascii: "\n")) }
        return out
    }

    /// `value` in double quotes with sh's special characters escaped: `key="value"` is the
    /// form sysrc(8) writes.
    /// The file is read as data: nothing expands `$` or `` ` ``, and quotes do not change that.
    static let substitutionRefusal = "substitutions ($ or `) are not supported, quoted or not; write the value itself (a literal $ is \\$ inside double quotes)"

    package static func quote(_ value: String) -> String {
        var out = "\""
        for character in value {
            if "\"\\$`".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }

    /// A name sh accepts as a variable: letters, digits and `_`, not starting with a digit.
    package static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// A line as text for reading it: bytes that are not UTF-8 read as U+FFFD, which is never
    /// part of a name, so such a line is at most a value the tool does not own.
    private static func decoded(_ line: some Collection<UInt8>) -> String {
        String(decoding: line, as: UTF8.self)
    }

    private enum LineKind {
        case assignment(String, String)
        case blank
        case other
        case malformed(String)
    }

    private static func classify(_ rawLine: String) -> LineKind {
        let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
        if line.isEmpty || line.hasPrefix("#") { return .blank }
        guard let equals = line.firstIndex(of: "=") else { return .other }
        let key = String(line[..<equals])
        guard isValidName(key) else { return .other }
        switch parseValue(line[line.index(after: equals)...]) {
        case .success(let value): return .assignment(key, value)
        case .failure(let error): return .malformed("\(key): \(error.reason)")
        }
    }

    private struct ValueError: Error { var reason: String }

    /// One sh word: unquoted, "double" or 'single' quoted parts, then optional white space
    /// and a `#` comment.
    private static func parseValue(_ text: Substring) -> Result<String, ValueError> {
        var value = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case " ", "\t":
                let rest = text[index...].drop(while: { $0 == " " || $0 == "\t" })
                if rest.isEmpty || rest.hasPrefix("#") { return .success(value) }
                return .failure(ValueError(reason: "unquoted space in the value; put the value in double quotes"))
            case "\"":
                index = text.index(after: index)
                var closed = false
                while index < text.endIndex {
                    let c = text[index]
                    if c == "\"" { closed = true; break }
                    if c == "\\", text.index(after: index) < text.endIndex, "\"\\$`\n".contains(text[text.index(after: index)]) {
                        index = text.index(after: index)
                        value.append(text[index])
                    } else if c == "$" || c == "`" {
                        return .failure(ValueError(reason: Self.substitutionRefusal))
                    } else {
                        value.append(c)
                    }
                    index = text.index(after: index)
                }
                if !closed { return .failure(ValueError(reason: "unterminated double quote")) }
                index = text.index(after: index)
            case "'":
                index = text.index(after: index)
                guard let end = text[index...].firstIndex(of: "'") else {
                    return .failure(ValueError(reason: "unterminated single quote"))
                }
                value += text[index..<end]
                index = text.index(after: end)
            case "$", "`":
                return .failure(ValueError(reason: Self.substitutionRefusal))
            case ";", "&", "|", "<", ">", "(", ")":
                // Inside double quotes these are plain characters.
                return .failure(ValueError(reason: "shell syntax '\(character)' is not supported; put the value in double quotes"))
            case "\\":
                let next = text.index(after: index)
                guard next < text.endIndex else { return .failure(ValueError(reason: "trailing backslash")) }
                value.append(text[next])
                index = text.index(after: next)
            default:
                value.append(character)
                index = text.index(after: index)
            }
        }
        return .success(value)
    }
}

/// A line of an rc.conf-syntax file that cannot be read, with the file and line it is on.
package struct RCConfError: Error, Equatable, Sendable, CustomStringConvertible {
    package var path: String
    package var line: Int
    package var message: String
    package var description: String { "\(path):\(line): \(message)" }
}
