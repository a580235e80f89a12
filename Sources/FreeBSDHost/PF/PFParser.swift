/// Reads pf.conf text into a `PFRuleset`, refusing what pfctl would refuse with pfctl's own
/// messages — within the subset of pf.conf(5) this project writes (see `PFRuleset`); any other
/// statement is reported as a syntax error.
///
/// Like pfctl, it reads the file as a stream of tokens in which newlines end statements (a
/// `{ … }` list may span lines), expands `$macro` references as it reads (a macro must be
/// defined before use), and after an error skips to the end of the line and carries on, so
/// that every problem is reported. An error names the line of the token where pfctl's grammar
/// would have stopped: for a one-line statement, that statement's line; when the text ends in
/// the middle of a statement (an unclosed `{`), the line the statement started on.
package struct PFParser {
    /// The statement groups pfctl requires in this order (macros and tables may go anywhere).
    enum Section: Int, Comparable {
        case none, options, normalization, queueing, translation, filtering
        static func < (lhs: Section, rhs: Section) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// parse.y's check_rulestate on FreeBSD 14 and 15 (`ethernet` rules came with 14.0).
    static let orderMessage =
        "Rules must be in order: options, ethernet, normalization, queueing, translation, filtering"

    let path: String
    private var lexer: PFLexer
    /// Tokens read but not yet consumed: lookahead and expanded macro values.
    private var pending: [PFToken] = []
    private var macroValues: [String: String] = [:]
    var ruleset = PFRuleset()
    private var diagnostics: [PFDiagnostic] = []
    private var section = Section.none
    var requireOrder = true
    /// How deeply `{ … }` lists are nested at the moment; bounded so that hostile input cannot
    /// exhaust the stack.
    private var listDepth = 0
    private static let maximumListDepth = 32

    private init(text: String, path: String) {
        self.path = path
        lexer = PFLexer(text: text)
    }

    /// Parses `text`, read from `path` (the name used in messages: `/etc/pf.conf`, `stdin`).
    ///
    /// - Throws: `PFSyntaxError` listing, in order, every problem pfctl would print.
    package static func parse(text: String, path: String) throws(PFSyntaxError) -> PFRuleset {
        var parser = PFParser(text: text, path: path)
        parser.parseAll()
        if !parser.diagnostics.isEmpty { throw PFSyntaxError(diagnostics: parser.diagnostics) }
        return parser.ruleset
    }

    private mutating func parseAll() {
        while true {
            let token = peek()
            if token.kind == .end { return }
            if token.kind == .newline {
                advance()
                continue
            }
            do {
                try parseStatement()
            } catch {
                report(line: error.atEnd ? token.line : error.line, error.message)
                recover()
            }
        }
    }

    private mutating func parseStatement() throws(PFParseFailure) {
        let first = peek()
        switch first.word {
        case "table": try parseTable()
        case "set": try parseOption()
        case "scrub": try parseScrub()
        case "nat": try parseNat()
        case "antispoof": try parseAntispoof()
        case "pass", "block": try parseFilterRule()
        default:
            if let name = first.word, !PFVocabulary.keywords.contains(name), peek(1).isSymbol("=") {
                try parseMacroDefinition()
            } else {
                throw .syntax(at: first)
            }
        }
    }

    // MARK: Tokens

    /// The token `offset` places ahead, with macros expanded up to it.
    mutating func peek(_ offset: Int = 0) -> PFToken {
        var position = 0
        while true {
            if position == pending.count { pending.append(lexer.next()) }
            if case .macro(let name) = pending[position].kind {
                expandMacro(named: name, at: position)
                continue
            }
            if position == offset { return pending[position] }
            position += 1
        }
    }

    @discardableResult
    mutating func advance() -> PFToken {
        let token = peek()
        if token.kind != .end { pending.removeFirst() }
        return token
    }

    /// Replaces the `$name` token at `position` by the tokens of the macro's value. An undefined
    /// macro is reported and, as pfctl's lexer does, the rest of its line is thrown away and a
    /// token no rule accepts takes its place.
    private mutating func expandMacro(named name: String, at position: Int) {
        let line = pending[position].line
        guard let value = macroValues[name] else {
            report(line: line, "macro '\(name)' not defined")
            pending.removeSubrange(position...)
            lexer.skipLine()
            pending.append(PFToken(kind: .invalid, line: line))
            return
        }
        var valueLexer = PFLexer(text: value, firstLine: line, expandingMacro: true)
        var tokens = [PFToken]()
        while true {
            var token = valueLexer.next()
            if token.kind == .end { break }
            token.line = line
            tokens.append(token)
        }
        pending.replaceSubrange(position...position, with: tokens)
    }

    /// After an error, pfctl's grammar discards tokens up to and including the next newline.
    private mutating func recover() {
        while true {
            let token = advance()
            if token.endsStatement { return }
        }
    }

    // MARK: Helpers for statement parsers

    mutating func report(line: Int, _ message: String) {
        diagnostics.append(PFDiagnostic(path: path, line: line, message: message))
    }

    /// Consumes the unquoted word `keyword` if it is next.
    mutating func accept(_ keyword: String) -> Bool {
        guard peek().isWord(keyword) else { return false }
        advance()
        return true
    }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard peek().isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expect(_ keyword: String) throws(PFParseFailure) {
        guard accept(keyword) else { throw .syntax(at: peek()) }
    }

    mutating func expectSymbol(_ symbol: String) throws(PFParseFailure) {
        guard acceptSymbol(symbol) else { throw .syntax(at: peek()) }
    }

    /// A name: a quoted string, or an unquoted word that is not a keyword.
    mutating func expectName() throws(PFParseFailure) -> String {
        let token = peek()
        if case .quoted(let text) = token.kind {
            advance()
            return text
        }
        guard let word = token.word, !PFVocabulary.keywords.contains(word) else { throw .syntax(at: token) }
        advance()
        return word
    }

    /// A non-negative decimal number.
    mutating func expectNumber() throws(PFParseFailure) -> Int {
        let token = peek()
        guard let word = token.word, !word.isEmpty, word.allSatisfy(\.isASCII), word.allSatisfy(\.isNumber),
              let number = Int(word) else { throw .syntax(at: token) }
        advance()
        return number
    }

    mutating func skipNewlines() {
        while peek().kind == .newline { advance() }
    }

    /// Parses `item` alone, or a `{ item [,] item … }` list that may span lines. When `nested`
    /// is true a list may itself contain lists (pfctl allows this for addresses only).
    mutating func parseList<Item>(
        nested: Bool = false, _ item: (inout PFParser) throws(PFParseFailure) -> [Item]
    ) throws(PFParseFailure) -> [Item] {
        guard peek().isSymbol("{") else { return try item(&self) }
        guard listDepth < Self.maximumListDepth else { throw .syntax(at: peek()) }
        advance()
        listDepth += 1
        defer { listDepth -= 1 }
        var items = [Item]()
        skipNewlines()
        while true {
            if nested && peek().isSymbol("{") {
                items += try parseList(nested: true, item)
            } else {
                items += try item(&self)
            }
            skipNewlines()
            if acceptSymbol("}") { return items }
            if acceptSymbol(",") { skipNewlines() }
        }
    }

    /// Ends a statement: checks the section order (unless `set require-order no`), then
    /// consumes the newline. The order message names the line the statement ends on, as
    /// pfctl's does; that line is returned for later messages about the same statement.
    @discardableResult
    mutating func finishStatement(in statementSection: Section?) throws(PFParseFailure) -> Int {
        let terminator = peek()
        guard terminator.endsStatement else { throw .syntax(at: terminator) }
        if let statementSection {
            if requireOrder && section > statementSection {
                throw PFParseFailure(line: terminator.line, message: Self.orderMessage)
            }
            section = statementSection
        }
        advance()
        return terminator.line
    }

    /// Records a macro once its definition statement is complete.
    mutating func define(_ macro: PFMacro) {
        macroValues[macro.name] = macro.value
        ruleset.macros.append(macro)
    }
}
