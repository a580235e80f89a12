/// One lexical unit of pf.conf, with the line it started on.
///
/// The kinds follow pfctl's lexer: unquoted words (keywords are decided by the parser, because
/// pfctl treats a quoted string as a plain string even when it spells a keyword), quoted
/// strings, punctuation, `$name` macro references, and newlines, which end statements.
struct PFToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// An unquoted string: starts with a letter, digit, `:` or `_`.
        case word(String)
        /// A `"…"` or `'…'` string, without its quotes.
        case quoted(String)
        /// Punctuation: `( ) { } < > ! = / ,` and the pairs `-> != <= >= <> ><`; any other
        /// character pfctl does not accept arrives here too, so that it fails as syntax.
        case symbol(String)
        /// `$name`, which the parser replaces with the macro's value.
        case macro(String)
        case newline
        /// What is left of a line after an undefined macro: pfctl's lexer skips to the end of
        /// the line and hands the grammar a token it cannot accept.
        case invalid
        case end
    }

    var kind: Kind
    var line: Int

    /// The text of a word or quoted string, which pfctl accepts alike wherever it wants a name.
    var string: String? {
        switch kind {
        case .word(let text), .quoted(let text): text
        default: nil
        }
    }

    /// The text of an unquoted word, the only form a keyword can take.
    var word: String? {
        if case .word(let text) = kind { return text }
        return nil
    }

    func isSymbol(_ text: String) -> Bool { kind == .symbol(text) }
    func isWord(_ text: String) -> Bool { kind == .word(text) }

    /// True for the tokens that end a statement.
    var endsStatement: Bool { kind == .newline || kind == .end }
}
