import FirstbootEngine
import FreeBSDHost

/// What `probe` and `simulate probe` print: pass or block, and the statement that decided it,
/// named by file and line with its text as written (macros unexpanded), so an operator sees
/// why without reading the whole ruleset.
struct ProbeAnswer: Encodable, Equatable {
    struct Rule: Encodable, Equatable {
        var file: String
        var line: Int
        var text: String
    }

    var formatVersion = 1
    /// `pass` or `block`.
    var verdict: String
    /// `rule`, `skip` (`set skip on` the interface), `default` (no rule matched) or `pf-disabled`.
    var reason: String
    var rule: Rule?

    init(_ verdict: PFVerdict, file: String, text: String) {
        self.verdict = verdict.passes ? "pass" : "block"
        switch verdict.cause {
        case .rule: reason = "rule"
        case .skippedInterface: reason = "skip"
        case .noMatchingRule: reason = "default"
        }
        if let line = verdict.line {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let written = line >= 1 && line <= lines.count ? lines[line - 1].trimmingWhitespace() : ""
            rule = Rule(file: file, line: line, text: written)
        }
    }

    /// pf is not filtering at all: everything passes.
    static var pfDisabled: ProbeAnswer {
        var answer = ProbeAnswer(PFVerdict(action: .pass, line: nil, cause: .noMatchingRule), file: "", text: "")
        answer.reason = "pf-disabled"
        return answer
    }

    /// Two lines: the verdict, then what decided it.
    var text: String {
        let decided: String
        switch (reason, rule) {
        case ("pf-disabled", _): decided = "pf is disabled: nothing is filtered"
        case ("skip", let rule?): decided = "\(rule.file):\(rule.line): \(rule.text) (the interface is not filtered)"
        case (_, let rule?): decided = "\(rule.file):\(rule.line): \(rule.text)"
        default: decided = "default: no rule matched"
        }
        return "\(verdict)\ndecided by \(decided)\n"
    }

    enum CodingKeys: String, CodingKey { case formatVersion = "format_version", verdict, reason, rule }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(reason, forKey: .reason)
        try c.encode(rule, forKey: .rule)
    }
}
