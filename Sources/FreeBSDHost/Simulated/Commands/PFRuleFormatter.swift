/// A loaded filter rule in the form `pfctl -s rules` prints: keywords in pfctl's order,
/// macros expanded, `port = 22` (numbers, where pfctl would print /etc/services names),
/// lists written out as `{ a, b }`, and `flags S/SA keep state` made explicit on TCP pass rules.
enum PFRuleFormatter {
    static func text(_ rule: PFFilterRule) -> String {
        var words: [String] = [rule.action.rawValue]
        if rule.action == .block { words.append(rule.blockPolicy == .return ? "return" : "drop") }
        if let direction = rule.direction { words.append(direction.rawValue) }
        if rule.log { words.append("log") }
        if rule.quick { words.append("quick") }
        if !rule.interfaces.isEmpty {
            words.append("on")
            words.append(list(rule.interfaces.map { ($0.negated ? "! " : "") + $0.name }))
        }
        if let family = rule.family { words.append(family.rawValue) }
        if !rule.protocols.isEmpty {
            words.append("proto")
            words.append(list(rule.protocols.map(protocolName)))
        }
        if rule.from.isAny && rule.to.isAny {
            words.append("all")
        } else {
            words += ["from"] + endpoint(rule.from) + ["to"] + endpoint(rule.to)
        }
        if !rule.icmpTypes.isEmpty { words += ["icmp-type", list(rule.icmpTypes)] }
        if !rule.icmp6Types.isEmpty { words += ["icmp6-type", list(rule.icmp6Types)] }
        let isTCP = rule.protocols == [.tcp]
        if let flags = rule.flags {
            words += ["flags", flags]
        } else if rule.action == .pass && isTCP && rule.state?.kind != PFStateOptions.Kind.none {
            words += ["flags", "S/SA"]
        }
        if let state = rule.state {
            words += stateWords(state)
        } else if rule.action == .pass {
            words += ["keep", "state"]
        }
        words += rule.otherOptions
        return words.joined(separator: " ")
    }

    private static func list(_ items: [String]) -> String {
        items.count == 1 ? items[0] : "{ " + items.joined(separator: ", ") + " }"
    }

    private static func protocolName(_ value: PFProtocol) -> String {
        switch value {
        case .tcp: "tcp"
        case .udp: "udp"
        case .icmp: "icmp"
        case .icmp6: "ipv6-icmp"
        case .other(let name): name
        }
    }

    private static func endpoint(_ endpoint: PFEndpoint) -> [String] {
        var words: [String] = []
        let addresses = endpoint.addresses.map { item in (item.negated ? "! " : "") + address(item.address) }
        words.append(addresses.isEmpty ? "any" : list(addresses))
        if !endpoint.ports.isEmpty { words += ["port", list(endpoint.ports.map(port))] }
        return words
    }

    static func address(_ address: PFAddress) -> String {
        switch address {
        case .any: "any"
        case .ipv4(let network): network.prefixLength == 32 ? network.address.description : network.description
        case .ipv6(let text): text
        case .table(let name): "<\(name)>"
        case .dynamicInterface(let name): "(\(name))"
        case .interface(let name): name
        case .selfAddresses: "self"
        }
    }

    private static func port(_ match: PFPortMatch) -> String {
        switch match {
        case .equal(let value): "= \(value)"
        case .notEqual(let value): "!= \(value)"
        case .less(let value): "< \(value)"
        case .lessOrEqual(let value): "<= \(value)"
        case .greater(let value): "> \(value)"
        case .greaterOrEqual(let value): ">= \(value)"
        case .inclusiveRange(let low, let high): "\(low):\(high)"
        case .exclusiveRange(let low, let high): "\(low) >< \(high)"
        case .outsideRange(let low, let high): "\(low) <> \(high)"
        }
    }

    private static func stateWords(_ state: PFStateOptions) -> [String] {
        var words = [state.kind.rawValue, "state"]
        var options: [String] = []
        if let value = state.maxSrcConn { options.append("max-src-conn \(value)") }
        if let rate = state.maxSrcConnRate { options.append("max-src-conn-rate \(rate.count)/\(rate.seconds)") }
        if let table = state.overloadTable {
            options.append("overload <\(table)>" + (state.flush || state.flushGlobal ? " flush" : "") + (state.flushGlobal ? " global" : ""))
        }
        options += state.otherOptions
        if !options.isEmpty { words.append("(" + options.joined(separator: ", ") + ")") }
        return words
    }
}
