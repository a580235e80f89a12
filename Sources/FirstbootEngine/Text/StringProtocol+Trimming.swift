/// Trimming as Foundation's `trimmingCharacters(in:)` does it with its predefined character
/// sets, which FoundationEssentials lacks: whole Unicode scalars are dropped from both ends.
extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`: tab, the space separators (Zs) and U+200B.
    package func trimmingWhitespace() -> String {
        trimmingScalars { $0.isTabOrSpaceSeparator }
    }

    /// `trimmingCharacters(in: .newlines)`: U+000A–U+000D, U+0085, U+2028 and U+2029.
    package func trimmingNewlines() -> String {
        trimmingScalars { $0.isNewline }
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    package func trimmingWhitespaceAndNewlines() -> String {
        trimmingScalars { $0.isTabOrSpaceSeparator || $0.isNewline }
    }

    /// `trimmingCharacters(in: CharacterSet(charactersIn: scalars))`.
    package func trimming(scalarsIn scalars: String) -> String {
        let set = Set(scalars.unicodeScalars)
        return trimmingScalars { set.contains($0) }
    }

    private func trimmingScalars(where drop: (Unicode.Scalar) -> Bool) -> String {
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !drop($0) }) else { return "" }
        let last = view.lastIndex(where: { !drop($0) })!
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: view[first...last])
        return String(kept)
    }
}

extension Unicode.Scalar {
    fileprivate var isTabOrSpaceSeparator: Bool {
        self == "\t" || self == "\u{200B}" || properties.generalCategory == .spaceSeparator
    }

    fileprivate var isNewline: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
