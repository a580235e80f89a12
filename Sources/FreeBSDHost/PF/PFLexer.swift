/// Splits pf.conf text into tokens the way pfctl's lexer does.
///
/// Rules it reproduces because they change what a file means: a backslash before a newline
/// joins the lines (outside quotes it is removed with nothing put in its place); `#` starts a
/// comment that runs to the end of the line (so a comment ending in a backslash swallows the
/// next line); a quoted string may span lines; words end at `( ) { } < > ! = / # ,` and
/// whitespace; and `$name` is a macro reference unless the text being read is itself a
/// macro's value.
struct PFLexer {
    private let bytes: [UInt8]
    private var index = 0
    /// The line the next character is on.
    private(set) var line: Int
    /// True while reading a macro's value: pfctl does not expand macros inside macros there.
    private let expandingMacro: Bool

    init(text: String, firstLine: Int = 1, expandingMacro: Bool = false) {
        bytes = Array(text.utf8)
        line = firstLine
        self.expandingMacro = expandingMacro
    }

    /// The next token; `.end` forever once the text is used up.
    mutating func next() -> PFToken {
        while let byte = peekJoined(), byte == .space || byte == .tab { _ = readJoined() }
        let tokenLine = line
        guard let first = readJoined() else { return PFToken(kind: .end, line: tokenLine) }

        if first == .hash {
            while let byte = readJoined(), byte != .newline {}
            line += 1
            return PFToken(kind: .newline, line: tokenLine)
        }
        if first == .newline {
            line += 1
            return PFToken(kind: .newline, line: tokenLine)
        }
        if first == .dollar && !expandingMacro {
            var name = [UInt8]()
            while let byte = peekJoined(), byte.isAlphanumeric || byte == .underscore {
                name.append(byte)
                _ = readJoined()
            }
            return PFToken(kind: .macro(String(decoding: name, as: UTF8.self)), line: tokenLine)
        }
        if first == .doubleQuote || first == .singleQuote {
            // An unterminated string ends the input for pfctl; here it becomes a token no
            // statement accepts, so the statement is reported rather than silently cut short.
            guard let text = readQuoted(closing: first) else {
                return PFToken(kind: .symbol(String(decoding: [first], as: UTF8.self)), line: tokenLine)
            }
            return PFToken(kind: .quoted(text), line: tokenLine)
        }
        if let pair = readPair(after: first) {
            return PFToken(kind: .symbol(pair), line: tokenLine)
        }
        if first.isAlphanumeric || first == .colon || first == .underscore {
            var word = [first]
            while let byte = peekJoined(), byte.isAllowedInWord {
                word.append(byte)
                _ = readJoined()
            }
            return PFToken(kind: .word(String(decoding: word, as: UTF8.self)), line: tokenLine)
        }
        return PFToken(kind: .symbol(String(decoding: [first], as: UTF8.self)), line: tokenLine)
    }

    /// Skips the rest of the current line, newline included, as pfctl does after an undefined
    /// macro.
    mutating func skipLine() {
        while let byte = readJoined() {
            if byte == .newline {
                line += 1
                return
            }
        }
    }

    /// The two-character operators pfctl's lexer recognises.
    private mutating func readPair(after first: UInt8) -> String? {
        let seconds: [UInt8]
        switch first {
        case .minus: seconds = [.greater]
        case .bang: seconds = [.equals]
        case .less: seconds = [.greater, .equals]
        case .greater: seconds = [.less, .equals]
        default: seconds = []
        }
        if let second = peekJoined(), seconds.contains(second) {
            _ = readJoined()
            return String(decoding: [first, second], as: UTF8.self)
        }
        return nil
    }

    /// Reads a quoted string's body. A backslash escapes the quote, a space or a tab; before a
    /// newline it continues the line; elsewhere it is kept. A bare newline inside the quotes is
    /// dropped. Nil when the text ends first.
    private mutating func readQuoted(closing quote: UInt8) -> String? {
        var body = [UInt8]()
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case .newline:
                line += 1
            case .backslash:
                guard index < bytes.count else { return nil }
                let next = bytes[index]
                if next == quote || next == .space || next == .tab {
                    body.append(next)
                    index += 1
                } else if next == .newline {
                    line += 1
                    index += 1
                } else {
                    body.append(byte)
                }
            case quote:
                return String(decoding: body, as: UTF8.self)
            default:
                body.append(byte)
            }
        }
        return nil
    }

    /// The next character after removing backslash-newline pairs, without consuming it.
    private mutating func peekJoined() -> UInt8? {
        let savedIndex = index, savedLine = line
        defer { index = savedIndex; line = savedLine }
        return readJoined()
    }

    private mutating func readJoined() -> UInt8? {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .backslash, index + 1 < bytes.count, bytes[index + 1] == .newline {
                index += 2
                line += 1
                continue
            }
            index += 1
            return byte
        }
        return nil
    }
}

extension UInt8 {
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let newline = UInt8(ascii: "\n")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let bang = UInt8(ascii: "!")
    fileprivate static let doubleQuote = UInt8(ascii: "\"")
    fileprivate static let hash = UInt8(ascii: "#")
    fileprivate static let dollar = UInt8(ascii: "$")
    fileprivate static let singleQuote = UInt8(ascii: "'")
    fileprivate static let minus = UInt8(ascii: "-")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let less = UInt8(ascii: "<")
    fileprivate static let equals = UInt8(ascii: "=")
    fileprivate static let greater = UInt8(ascii: ">")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let underscore = UInt8(ascii: "_")

    fileprivate var isAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }

    /// pfctl's `allowed_in_string`: letters, digits and punctuation other than the characters
    /// that are tokens of their own or start a comment.
    fileprivate var isAllowedInWord: Bool {
        if isAlphanumeric { return true }
        let isPunctuation = (0x21...0x2f).contains(self) || (0x3a...0x40).contains(self)
            || (0x5b...0x60).contains(self) || (0x7b...0x7e).contains(self)
        return isPunctuation && !Array("(){}<>!=/#,".utf8).contains(self)
    }
}
