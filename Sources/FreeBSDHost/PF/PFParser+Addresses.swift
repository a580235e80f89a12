/// The clauses shared by several statements: interfaces, address family, protocols, and the
/// `from … to …` part with its addresses and ports.
extension PFParser {
    /// `on IF`, `on ! IF`, `on { IF, … }`; empty when there is no `on`.
    mutating func parseOnInterfaces() throws(PFParseFailure) -> [PFInterfaceItem] {
        guard accept("on") else { return [] }
        return try parseInterfaceList(allowNegation: true)
    }

    mutating func parseInterfaceList(allowNegation: Bool) throws(PFParseFailure) -> [PFInterfaceItem] {
        try parseList { (parser: inout PFParser) throws(PFParseFailure) -> [PFInterfaceItem] in
            let negated = allowNegation && parser.acceptSymbol("!")
            return [PFInterfaceItem(name: try parser.expectName(), negated: negated)]
        }
    }

    mutating func parseAddressFamily() -> PFAddressFamily? {
        if accept("inet") { return .inet }
        if accept("inet6") { return .inet6 }
        return nil
    }

    /// `proto NAME` or `proto { NAME … }`; empty when there is no `proto`.
    mutating func parseProtocols() throws(PFParseFailure) -> [PFProtocol] {
        guard accept("proto") else { return [] }
        return try parseList { (parser: inout PFParser) throws(PFParseFailure) -> [PFProtocol] in
            let token = parser.peek()
            let name = try parser.expectName()
            guard let proto = PFProtocol(name: name) else {
                throw PFParseFailure(line: token.line, message: "unknown protocol \(name)")
            }
            return [proto]
        }
    }

    /// `all`, or `[from HOSTS [port PORTS]] [to HOSTS [port PORTS]]` (either half may be left
    /// out, and either may give only a port).
    mutating func parseFromTo() throws(PFParseFailure) -> (from: PFEndpoint, to: PFEndpoint) {
        if accept("all") { return (.any, .any) }
        var from = PFEndpoint.any
        var to = PFEndpoint.any
        if accept("from") { from = try parseEndpoint() }
        if accept("to") { to = try parseEndpoint() }
        return (from, to)
    }

    private mutating func parseEndpoint() throws(PFParseFailure) -> PFEndpoint {
        var endpoint = PFEndpoint()
        if !peek().isWord("port") {
            endpoint.addresses = try parseAddresses()
        }
        if accept("port") {
            endpoint.ports = try parsePorts()
        }
        return endpoint
    }

    /// `any`, one address, or a (possibly nested) `{ … }` list of them.
    mutating func parseAddresses() throws(PFParseFailure) -> [PFAddressItem] {
        if accept("any") { return [PFAddressItem(.any)] }
        return try parseList(nested: true) { (parser: inout PFParser) throws(PFParseFailure) -> [PFAddressItem] in
            [try parser.parseAddressItem()]
        }
    }

    /// One address, possibly negated: `<table>`, `(IF)`, `self`, `a.b.c.d[/n]`, an IPv6
    /// address, or a bare interface name.
    mutating func parseAddressItem() throws(PFParseFailure) -> PFAddressItem {
        let negated = acceptSymbol("!")
        if acceptSymbol("<") {
            let name = try expectName()
            try expectSymbol(">")
            return PFAddressItem(.table(name), negated: negated)
        }
        if acceptSymbol("(") {
            let name = try expectName()
            try expectSymbol(")")
            return PFAddressItem(.dynamicInterface(name), negated: negated)
        }
        let token = peek()
        if token.isWord("any") && !negated {
            advance()
            return PFAddressItem(.any)
        }
        let text = try expectName()
        var prefixLength: Int?
        if acceptSymbol("/") {
            let lengthToken = peek()
            prefixLength = try expectNumber()
            if text.contains(":") ? prefixLength! > 128 : prefixLength! > 32 {
                throw PFParseFailure(line: lengthToken.line, message: "illegal netmask value \(text)/\(prefixLength!)")
            }
        }
        return PFAddressItem(address(from: text, prefixLength: prefixLength, line: token.line), negated: negated)
    }

    private func address(from text: String, prefixLength: Int?, line: Int) -> PFAddress {
        if text == "self" && prefixLength == nil { return .selfAddresses }
        if let ipv4 = IPv4Address(text) {
            return .ipv4(IPv4Network(address: ipv4, prefixLength: prefixLength ?? 32))
        }
        if Self.looksLikeIPv6(text) {
            return .ipv6(prefixLength.map { "\(text)/\($0)" } ?? text)
        }
        return .interface(text)
    }

    private static func looksLikeIPv6(_ text: String) -> Bool {
        text.contains(":") && text.allSatisfy { character in
            character == ":" || character == "." || character.isHexDigit
        }
    }

    /// `port` conditions: one, or a `{ … }` list; each a number, a service name, a macro, a
    /// range `a:b`, a comparison (`!= 22`, `> 1023`), or `a >< b` / `a <> b`.
    mutating func parsePorts() throws(PFParseFailure) -> [PFPortMatch] {
        try parseList { (parser: inout PFParser) throws(PFParseFailure) -> [PFPortMatch] in
            [try parser.parsePortItem()]
        }
    }

    private mutating func parsePortItem() throws(PFParseFailure) -> PFPortMatch {
        let operators: [String: (UInt16) -> PFPortMatch] = [
            "=": PFPortMatch.equal, "!=": PFPortMatch.notEqual, "<": PFPortMatch.less,
            "<=": PFPortMatch.lessOrEqual, ">": PFPortMatch.greater, ">=": PFPortMatch.greaterOrEqual,
        ]
        if case .symbol(let symbol) = peek().kind, let make = operators[symbol] {
            advance()
            let (low, high) = try parsePortRange()
            guard low == high else { throw PFParseFailure(line: peek().line, message: "syntax error") }
            return make(low)
        }
        let (low, high) = try parsePortRange()
        if low != high { return .inclusiveRange(low, high) }
        if acceptSymbol("><") {
            let (upper, _) = try parsePortRange()
            return .exclusiveRange(low, upper)
        }
        if acceptSymbol("<>") {
            let (upper, _) = try parsePortRange()
            return .outsideRange(low, upper)
        }
        return .equal(low)
    }

    /// One port word: `22`, `ssh`, or `1000:2000` (a range whose ends are numbers or names).
    private mutating func parsePortRange() throws(PFParseFailure) -> (UInt16, UInt16) {
        let token = peek()
        let text = try expectName()
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw PFParseFailure(line: token.line, message: "unknown port \(text)") }
        let low = try port(String(parts[0]), line: token.line)
        let high = parts.count == 2 ? try port(String(parts[1]), line: token.line) : low
        return (low, high)
    }

    private func port(_ text: String, line: Int) throws(PFParseFailure) -> UInt16 {
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let value = Int(text), value <= 65535 else {
                throw PFParseFailure(line: line, message: "illegal port value \(text)")
            }
            return UInt16(value)
        }
        guard let value = PFVocabulary.servicePorts[text] else {
            throw PFParseFailure(line: line, message: "unknown port \(text)")
        }
        return value
    }
}
