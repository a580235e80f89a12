/// A statement pfctl would refuse: the message and the line pfctl would name. Thrown inside the
/// parser, which records it and carries on with the next line, as pfctl does.
struct PFParseFailure: Error {
    var line: Int
    var message: String
    /// True when the text ended in the middle of the statement; the parser then names the line
    /// the statement started on, which is where an operator has to look.
    var atEnd = false

    static func syntax(at token: PFToken) -> PFParseFailure {
        PFParseFailure(line: token.line, message: "syntax error", atEnd: token.kind == .end)
    }
}
