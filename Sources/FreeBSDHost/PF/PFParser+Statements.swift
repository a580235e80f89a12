/// Statements other than filter rules: macros, tables, `set`, `scrub`, `nat`, `antispoof`.
extension PFParser {
    /// `name = "value" …`: the value is one or more strings joined by spaces.
    mutating func parseMacroDefinition() throws(PFParseFailure) {
        let nameToken = advance()
        try expectSymbol("=")
        var parts = [String]()
        while let part = peek().string {
            parts.append(part)
            advance()
        }
        guard !parts.isEmpty else { throw .syntax(at: peek()) }
        try finishStatement(in: nil)
        define(PFMacro(name: nameToken.word ?? "", value: parts.joined(separator: " "), line: nameToken.line))
    }

    /// `table <name> [persist] [const] [counters] [file "path"] [{ addresses }]`.
    mutating func parseTable() throws(PFParseFailure) {
        let line = advance().line
        try expectSymbol("<")
        let name = try expectName()
        try expectSymbol(">")
        var table = PFTable(name: name, line: line)
        while !peek().endsStatement {
            let token = peek()
            if token.isSymbol("{") {
                table.entries += try parseTableEntries()
                continue
            }
            switch token.word {
            case "persist": table.persist = true
            case "const": table.const = true
            case "counters": table.counters = true
            case "file":
                advance()
                guard case .quoted(let file) = peek().kind else { throw .syntax(at: peek()) }
                table.files.append(file)
            default:
                throw .syntax(at: token)
            }
            advance()
        }
        try finishStatement(in: nil)
        ruleset.tables.append(table)
    }

    private mutating func parseTableEntries() throws(PFParseFailure) -> [PFAddressItem] {
        try expectSymbol("{")
        var entries = [PFAddressItem]()
        skipNewlines()
        while !acceptSymbol("}") {
            entries.append(try parseAddressItem())
            skipNewlines()
            if acceptSymbol(",") { skipNewlines() }
        }
        return entries
    }

    /// `set skip on …`, `set block-policy …`, `set require-order …`, or another option pfctl
    /// knows, kept as written.
    mutating func parseOption() throws(PFParseFailure) {
        let line = advance().line
        let nameToken = peek()
        guard let name = nameToken.word, PFOption.knownNames.contains(name) else { throw .syntax(at: nameToken) }
        advance()
        let setting: PFOption.Setting
        switch name {
        case "skip":
            try expect("on")
            setting = .skip(try parseInterfaceList(allowNegation: false).map(\.name))
        case "block-policy":
            if accept("drop") {
                setting = .blockPolicy(.drop)
            } else if accept("return") {
                setting = .blockPolicy(.return)
            } else {
                throw .syntax(at: peek())
            }
        case "require-order":
            let token = peek()
            guard token.word == "yes" || token.word == "no" else { throw .syntax(at: token) }
            advance()
            setting = .requireOrder(token.word == "yes")
        default:
            setting = .other(name: name, value: try rawTextToEndOfStatement())
        }
        // pfctl checks the order of every option except require-order itself.
        if case .requireOrder(let value) = setting {
            try finishStatement(in: nil)
            requireOrder = value
        } else {
            try finishStatement(in: .options)
        }
        ruleset.options.append(PFOption(setting: setting, line: line))
    }

    /// The remaining tokens of the statement as text, for options modelled only as written.
    private mutating func rawTextToEndOfStatement() throws(PFParseFailure) -> String {
        var parts = [String]()
        var depth = 0
        while !(peek().endsStatement && depth == 0) {
            let token = advance()
            switch token.kind {
            case .word(let text): parts.append(text)
            case .quoted(let text): parts.append("\"\(text)\"")
            case .symbol(let text):
                if text == "{" { depth += 1 }
                if text == "}" { depth -= 1 }
                parts.append(text)
            case .newline: continue
            case .end, .invalid, .macro: throw .syntax(at: token)
            }
        }
        guard !parts.isEmpty, depth == 0 else { throw .syntax(at: peek()) }
        return parts.joined(separator: " ")
    }

    /// `scrub [in|out] [log] [quick] [on IF] [inet|inet6] [proto …] [all|from … to …] [options]`.
    mutating func parseScrub() throws(PFParseFailure) {
        let line = advance().line
        let direction = parseDirection()
        _ = parseLogQuick()
        let interfaces = try parseOnInterfaces()
        let family = parseAddressFamily()
        let protocols = try parseProtocols()
        let (from, to) = try parseFromTo()
        var rule = PFScrubRule(direction: direction, interfaces: interfaces, family: family, protocols: protocols,
                               from: from, to: to, fragmentReassemble: false, noDF: false, maxMSS: nil,
                               otherOptions: [], line: line)
        while !peek().endsStatement {
            let token = advance()
            switch token.word {
            case "no-df": rule.noDF = true
            case "random-id": rule.otherOptions.append("random-id")
            case "max-mss": rule.maxMSS = try expectNumber()
            case "min-ttl": rule.otherOptions.append("min-ttl \(try expectNumber())")
            case "set-tos": rule.otherOptions.append("set-tos \(try expectName())")
            case "reassemble":
                try expect("tcp")
                rule.otherOptions.append("reassemble tcp")
            case "fragment":
                if accept("reassemble") {
                    rule.fragmentReassemble = true
                } else if accept("crop") {
                    rule.otherOptions.append("fragment crop")
                } else if accept("drop-ovl") {
                    rule.otherOptions.append("fragment drop-ovl")
                } else {
                    throw .syntax(at: peek())
                }
            default:
                throw .syntax(at: token)
            }
        }
        try finishStatement(in: .normalization)
        ruleset.scrubRules.append(rule)
    }

    /// `nat [pass [log]] [on IF] [inet|inet6] [proto …] from … to … -> TARGET [pool options]`.
    mutating func parseNat() throws(PFParseFailure) {
        let line = advance().line
        var pass = false
        var log = false
        if accept("pass") {
            pass = true
            log = accept("log")
        } else {
            log = accept("log")
        }
        let interfaces = try parseOnInterfaces()
        let family = parseAddressFamily()
        let protocols = try parseProtocols()
        let (from, to) = try parseFromTo()
        guard acceptSymbol("->") else {
            let token = peek()
            guard token.endsStatement else { throw .syntax(at: token) }
            throw PFParseFailure(line: token.line, message: "translation rule requires '-> address'")
        }
        let target = try parseList(nested: true) { (parser: inout PFParser) throws(PFParseFailure) -> [PFAddressItem] in
            [try parser.parseAddressItem()]
        }
        var options = [String]()
        let poolOptions: Set<String> = ["static-port", "round-robin", "random", "bitmask", "source-hash", "sticky-address"]
        while let word = peek().word, poolOptions.contains(word) {
            options.append(word)
            advance()
        }
        let endLine = try finishStatement(in: .translation)
        if !from.ports.isEmpty || !to.ports.isEmpty { checkPorts(protocols, line: endLine) }
        ruleset.natRules.append(PFNatRule(pass: pass, log: log, interfaces: interfaces, family: family,
                                          protocols: protocols, from: from, to: to, target: target,
                                          options: options, line: line))
    }

    /// `antispoof [log] [quick] for IF|{ … } [inet|inet6]`.
    mutating func parseAntispoof() throws(PFParseFailure) {
        let line = advance().line
        let (log, quick) = parseLogQuick()
        try expect("for")
        let interfaces = try parseInterfaceList(allowNegation: false)
        let family = parseAddressFamily()
        try finishStatement(in: .filtering)
        ruleset.antispoofRules.append(PFAntispoofRule(log: log, quick: quick, interfaces: interfaces,
                                                      family: family, line: line))
    }

    mutating func parseDirection() -> PFDirection? {
        if accept("in") { return .in }
        if accept("out") { return .out }
        return nil
    }

    /// `log`, `quick`, both, or neither, in either order.
    mutating func parseLogQuick() -> (log: Bool, quick: Bool) {
        var log = false
        var quick = false
        for _ in 0..<2 {
            if !log && accept("log") { log = true }
            if !quick && accept("quick") { quick = true }
        }
        return (log, quick)
    }

    /// pfctl refuses `port` unless every protocol of the rule is tcp or udp.
    mutating func checkPorts(_ protocols: [PFProtocol], line: Int) {
        if protocols.isEmpty || protocols.contains(where: { !$0.hasPorts }) {
            report(line: line, "port only applies to tcp/udp")
        }
    }
}
