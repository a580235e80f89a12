/// One line of `pfctl -s rules`, read as FreeBSD prints the parsed rules (pf-conf-facts.md):
/// one interface, one address and one port per line, `on ! IF` for a negated interface.
/// Checks on what is loaded read these lines rather than searching the text for a phrase.
package struct LoadedPFRule: Sendable, Equatable {
    package var words: [String]

    /// `pass`, `block`, `match`, `scrub`, …
    package var action: String { words.first ?? "" }

    /// The interface after `on`; nil when the rule names none or negates it (`on ! lo0`).
    package var interface: String? {
        guard let on = words.firstIndex(of: "on"), on + 1 < words.count, words[on + 1] != "!" else { return nil }
        return words[on + 1]
    }

    /// Whether the rule matches addresses of table `name` (`<name>` as a source or destination).
    package func mentions(table name: String) -> Bool {
        words.contains("<\(name)>")
    }

    package static func parse(_ text: String) -> [LoadedPFRule] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            return words.isEmpty ? nil : LoadedPFRule(words: words)
        }
    }
}
