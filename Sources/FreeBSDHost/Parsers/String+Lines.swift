#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A line of command output and its 1-based number, for error messages.
struct NumberedLine {
    var number: Int
    var text: Substring
}

extension StringProtocol {
    /// The lines of command output, numbered from 1. A final newline does not start an
    /// empty last line, and a carriage return before a newline is dropped.
    var numberedLines: [NumberedLine] {
        // Split on UTF-8 bytes where splitting on the Character "\n" would: at every LF except
        // one right after a CR, since CR LF is a single Character.
        var lines: [SubSequence] = []
        let bytes = utf8
        var start = bytes.startIndex
        var position = start
        var previous: UInt8 = 0
        while position < bytes.endIndex {
            let byte = bytes[position]
            if byte == 0x0A && previous != 0x0D {
                lines.append(self[start..<position])
                start = bytes.index(after: position)
            }
            previous = byte
            bytes.formIndex(after: &position)
        }
        lines.append(self[start...])
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.enumerated().map { index, line in
            let text = line.hasSuffix("\r") ? line.dropLast() : line
            return NumberedLine(number: index + 1, text: Substring(text))
        }
    }

    /// The text without leading and trailing spaces and TABs.
    var trimmedBlanks: Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return Substring(self[first...last])
    }

    /// Splits at the first occurrence of `separator`; nil when it does not occur.
    func splitOnce(at separator: String) -> (head: Substring, tail: Substring)? {
        guard let range = firstRange(ofLiteral: separator) else { return nil }
        return (Substring(self[..<range.lowerBound]), Substring(self[range.upperBound...]))
    }

    /// The words separated by spaces or TABs.
    var words: [Substring] {
        split(whereSeparator: { $0 == " " || $0 == "\t" }).map { Substring($0) }
    }
}
