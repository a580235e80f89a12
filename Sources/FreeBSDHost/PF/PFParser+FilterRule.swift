/// `pass` and `block` rules, with their options and state clause.
extension PFParser {
    mutating func parseFilterRule() throws(PFParseFailure) {
        let first = advance()
        var rule = PFFilterRule(action: first.word == "pass" ? .pass : .block, line: first.line)
        if rule.action == .block {
            if accept("drop") {
                rule.blockPolicy = .drop
            } else if accept("return") || accept("return-rst") || accept("return-icmp") || accept("return-icmp6") {
                rule.blockPolicy = .return
            }
        }
        rule.direction = parseDirection()
        (rule.log, rule.quick) = parseLogQuick()
        rule.interfaces = try parseOnInterfaces()
        rule.family = parseAddressFamily()
        rule.protocols = try parseProtocols()
        (rule.from, rule.to) = try parseFromTo()
        try parseFilterOptions(into: &rule)
        let endLine = try finishStatement(in: .filtering)
        if !rule.from.ports.isEmpty || !rule.to.ports.isEmpty { checkPorts(rule.protocols, line: endLine) }
        if !rule.icmpTypes.isEmpty || !rule.icmp6Types.isEmpty,
           rule.protocols.isEmpty || rule.protocols.contains(where: { $0 != .icmp && $0 != .icmp6 }) {
            report(line: endLine, "icmp-type/code only applies to icmp")
        }
        ruleset.filterRules.append(rule)
    }

    private mutating func parseFilterOptions(into rule: inout PFFilterRule) throws(PFParseFailure) {
        while !peek().endsStatement {
            let token = advance()
            switch token.word {
            case "flags":
                rule.flags = try parseFlags()
            case "icmp-type":
                rule.icmpTypes += try parseICMPTypes(known: PFVocabulary.icmpTypes, keyword: "icmp-type")
            case "icmp6-type":
                rule.icmp6Types += try parseICMPTypes(known: PFVocabulary.icmp6Types, keyword: "icmp6-type")
            case "keep", "modulate", "synproxy":
                try expect("state")
                var state = PFStateOptions(kind: PFStateOptions.Kind(rawValue: token.word ?? "") ?? .keep)
                if acceptSymbol("(") { try parseStateOptions(into: &state) }
                rule.state = state
            case "no":
                try expect("state")
                rule.state = PFStateOptions(kind: .none)
            case "label", "tag", "tagged":
                let value = try expectName()
                rule.otherOptions.append("\(token.word ?? "") \"\(value)\"")
            case "allow-opts", "fragment":
                rule.otherOptions.append(token.word ?? "")
            default:
                throw .syntax(at: token)
            }
        }
    }

    /// `S/SA`, `/SA` or `any`.
    private mutating func parseFlags() throws(PFParseFailure) -> String {
        if accept("any") { return "any" }
        var text = ""
        if let set = peek().word, Self.isFlagSet(set) {
            text = set
            advance()
        }
        try expectSymbol("/")
        guard let mask = peek().word, Self.isFlagSet(mask) else { throw .syntax(at: peek()) }
        advance()
        return "\(text)/\(mask)"
    }

    private static func isFlagSet(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { "FSRPAUEW".contains($0) }
    }

    /// One type or a `{ … }` list; a type is a name or a number, optionally with `code X`.
    private mutating func parseICMPTypes(known: Set<String>, keyword: String) throws(PFParseFailure) -> [String] {
        try parseList { (parser: inout PFParser) throws(PFParseFailure) -> [String] in
            let token = parser.peek()
            guard let name = token.word else { throw .syntax(at: token) }
            parser.advance()
            let isNumber = name.allSatisfy { $0.isASCII && $0.isNumber } && (Int(name) ?? 256) < 256
            guard known.contains(name) || isNumber else {
                throw PFParseFailure(line: token.line, message: "unknown \(keyword) \(name)")
            }
            if parser.accept("code") {
                let code = parser.peek()
                guard let codeText = code.word else { throw .syntax(at: code) }
                parser.advance()
                return ["\(name) code \(codeText)"]
            }
            return [name]
        }
    }

    /// The parenthesised options of a state clause, after the `(`.
    private mutating func parseStateOptions(into state: inout PFStateOptions) throws(PFParseFailure) {
        repeat {
            skipNewlines()
            let token = advance()
            guard let name = token.word else { throw .syntax(at: token) }
            switch name {
            case "max-src-conn":
                state.maxSrcConn = try expectNumber()
            case "max-src-conn-rate":
                let count = try expectNumber()
                try expectSymbol("/")
                state.maxSrcConnRate = (count, try expectNumber())
            case "overload":
                try expectSymbol("<")
                state.overloadTable = try expectName()
                try expectSymbol(">")
                if accept("flush") {
                    state.flush = true
                    state.flushGlobal = accept("global")
                }
            case "max", "max-src-nodes", "max-src-states":
                state.otherOptions.append("\(name) \(try expectNumber())")
            case "source-track":
                if accept("rule") {
                    state.otherOptions.append("source-track rule")
                } else if accept("global") {
                    state.otherOptions.append("source-track global")
                } else {
                    state.otherOptions.append("source-track")
                }
            default:
                if PFStateOptions.otherKnownNames.contains(name) {
                    state.otherOptions.append(name)
                } else if name.contains(".") || name == "frag" || name == "interval" {
                    state.otherOptions.append("\(name) \(try expectNumber())")
                } else {
                    throw .syntax(at: token)
                }
            }
            skipNewlines()
        } while acceptSymbol(",")
        try expectSymbol(")")
    }
}
