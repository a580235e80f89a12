#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The dependency block of an rc.d script, read as `rcorder(8)` reads it.
///
/// rcorder (sbin/rcorder/rcorder.c) looks only at lines starting exactly with
/// `# PROVIDE:`, `# REQUIRE:`, `# BEFORE:` or `# KEYWORD:` (also `PROVIDES`, `REQUIRES`,
/// `KEYWORDS`), and stops at the first other line after the first such line. A line ending
/// in a backslash continues on the next one.
package struct RCScriptHeader: Hashable, Sendable {
    package var provide: [String]
    package var require: [String]
    package var before: [String]
    package var keywords: [String]

    package init(provide: [String], require: [String] = [], before: [String] = [], keywords: [String] = []) {
        self.provide = provide
        self.require = require
        self.before = before
        self.keywords = keywords
    }

    /// Reads the header of a script's text. Throws when the block has no `# PROVIDE:` word:
    /// rc.subr does not run a local script without one, and rcorder cannot order it usefully.
    package static func parse(_ text: String) throws(ParseError) -> RCScriptHeader {
        var header = RCScriptHeader(provide: [])
        var inBlock = false
        var sawProvide = false
        for line in logicalLines(text) {
            guard let (field, rest) = field(of: line) else {
                if inBlock { break }
                continue
            }
            inBlock = true
            let words = rest.words.map(String.init)
            switch field {
            case .provide:
                header.provide += words
                sawProvide = true
            case .require: header.require += words
            case .before: header.before += words
            case .keyword: header.keywords += words
            }
        }
        guard sawProvide, !header.provide.isEmpty else {
            throw ParseError(
                subject: "rc.d script header", expected: "a \"# PROVIDE: name\" line in the block of dependency comments")
        }
        return header
    }

    private enum Field { case provide, require, before, keyword }

    private static let prefixes: [(String, Field)] = [
        ("# REQUIRE:", .require), ("# REQUIRES:", .require),
        ("# PROVIDE:", .provide), ("# PROVIDES:", .provide),
        ("# BEFORE:", .before),
        ("# KEYWORD:", .keyword), ("# KEYWORDS:", .keyword),
    ]

    private static func field(of line: String) -> (Field, Substring)? {
        for (prefix, field) in prefixes where line.hasPrefix(prefix) {
            return (field, line.dropFirst(prefix.count))
        }
        return nil
    }

    /// Lines with backslash-newline continuations joined, as `fparseln(3)` returns them.
    private static func logicalLines(_ text: String) -> [String] {
        var result: [String] = []
        var pending = ""
        for line in text.numberedLines {
            if line.text.hasSuffix("\\") {
                pending += line.text.dropLast()
            } else {
                result.append(pending + line.text)
                pending = ""
            }
        }
        if !pending.isEmpty { result.append(pending) }
        return result
    }
}
