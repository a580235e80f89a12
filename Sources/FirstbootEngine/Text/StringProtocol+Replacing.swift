/// Literal search and replace on UTF-8 bytes, for what Foundation's `range(of:)` and
/// `replacingOccurrences(of:with:)` did (FoundationEssentials lacks both). A match of valid
/// UTF-8 starts and ends on Unicode scalar boundaries, so a `"\n"` inside `"\r\n"` is found,
/// as Foundation finds it.
extension StringProtocol {
    /// The first occurrence of `target`; nil when there is none or `target` is empty.
    @inlinable
    package func firstRange(ofLiteral target: some StringProtocol) -> Range<String.Index>? {
        let needle = Array(target.utf8)
        guard let head = needle.first else { return nil }
        let bytes = utf8
        var start = bytes.startIndex
        while let candidate = bytes[start...].firstIndex(of: head) {
            var position = candidate
            var matched = 0
            while matched < needle.count, position < bytes.endIndex, bytes[position] == needle[matched] {
                bytes.formIndex(after: &position)
                matched += 1
            }
            if matched == needle.count { return candidate..<position }
            start = bytes.index(after: candidate)
        }
        return nil
    }

    /// Every occurrence of `target`, from the left and not overlapping, replaced; unchanged
    /// when `target` is empty.
    @inlinable
    package func replacingEvery(_ target: some StringProtocol, with replacement: some StringProtocol) -> String {
        var result = ""
        var rest = self[...]
        while let found = rest.firstRange(ofLiteral: target) {
            result.append(contentsOf: rest[..<found.lowerBound])
            result.append(contentsOf: replacement)
            rest = rest[found.upperBound...]
        }
        result.append(contentsOf: rest)
        return result
    }
}
