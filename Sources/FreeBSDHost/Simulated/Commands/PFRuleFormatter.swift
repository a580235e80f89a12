/// The loaded ruleset as `pfctl -s rules` prints it: the rules pfctl made of the file, not
/// the file's text (pf-conf-facts.md; sbin/pfctl/tests/files/*.ok show the shapes).
///
/// - scrub rules first, then the filter rules (pfctl_show_rules prints the scrub ruleset
///   before the filter ruleset); on 14.x `nat` rules are in the nat ruleset (`pfctl -s nat`),
///   on 15.0 pfctl turns them into `match out … nat-to …` filter rules, printed in place;
/// - every list is expanded into one rule per element, in parse.y expand_rule's order
///   (interface, protocol, icmp type, source address, destination address, source port,
///   destination port); `!=`/`=` ports print as /etc/services names where it has one;
/// - the address family is inferred from IPv4/IPv6 addresses when not written (`inet`);
/// - `block` shows its policy (`block drop` under the default), a stateful pass rule on TCP
///   or on every protocol gets `flags S/SA`, and `max-src-conn*` implies `source-track rule`
///   (with the rate's interval as `src.track`).
enum PFRuleFormatter {
    static func lines(_ ruleset: PFRuleset, freebsdVersion: String) -> [String] {
        var lines = ruleset.scrubRules.flatMap(scrub)
        if major(freebsdVersion) >= 15 {
            lines += ruleset.natRules.flatMap(natToMatch)
        }
        let policy = ruleset.blockPolicy
        return lines + ruleset.filterRules.flatMap { filter($0, policy: policy) }
    }

    /// The FreeBSD major version of a profile's `freebsd_version` (`15.0-RELEASE` → 15).
    static func major(_ version: String) -> Int {
        Int(version.prefix { $0.isNumber }) ?? 14
    }

    // MARK: Filter rules

    static func filter(_ rule: PFFilterRule, policy: PFBlockPolicy) -> [String] {
        expanded(rule.interfaces, rule.protocols, rule.icmpTypes + rule.icmp6Types, rule.from, rule.to).map { one in
            var words: [String] = [rule.action.rawValue]
            if rule.action == .block { words.append((rule.blockPolicy ?? policy) == .return ? "return" : "drop") }
            if let direction = rule.direction { words.append(direction.rawValue) }
            if rule.log { words.append("log") }
            if rule.quick { words.append("quick") }
            words += one.head(family: rule.family)
            if let type = one.icmpType { words += [rule.icmp6Types.contains(type) ? "icmp6-type" : "icmp-type", type] }
            let tcpOrAll = one.proto == nil || one.proto == .tcp
            let stateful = rule.action == .pass && rule.state?.kind != PFStateOptions.Kind.none
            if let flags = rule.flags {
                words += ["flags", flags]
            } else if stateful && tcpOrAll {
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
    }

    // MARK: Translation and normalization

    /// 15.0: `nat on IF from SRC to DST -> (IF)` is the filter rule
    /// `match out on IF inet from SRC to DST nat-to (IF) round-robin` (a dynamic interface
    /// address makes the pool round-robin).
    static func natToMatch(_ rule: PFNatRule) -> [String] {
        expanded(rule.interfaces, rule.protocols, [], rule.from, rule.to).map { one in
            var words = ["match", "out"]
            if rule.log { words.append("log") }
            words += one.head(family: rule.family ?? family(rule.target))
            let targets = rule.target.map { ($0.negated ? "! " : "") + address($0.address) }
            words += ["nat-to", targets.count == 1 ? targets[0] : "{ " + targets.joined(separator: ", ") + " }"]
            words += rule.options
            if !rule.options.contains(where: Self.poolTypes.contains),
               rule.target.contains(where: { if case .dynamicInterface = $0.address { true } else { false } }) {
                words.append("round-robin")
            }
            return words.joined(separator: " ")
        }
    }

    private static let poolTypes: Set<String> = ["round-robin", "random", "source-hash", "bitmask"]

    static func scrub(_ rule: PFScrubRule) -> [String] {
        expanded(rule.interfaces, rule.protocols, [], rule.from, rule.to).map { one in
            var words = ["scrub"]
            if let direction = rule.direction { words.append(direction.rawValue) }
            words += one.head(family: rule.family)
            if rule.noDF { words.append("no-df") }
            if let mss = rule.maxMSS { words += ["max-mss", String(mss)] }
            words += rule.otherOptions
            words += ["fragment", "reassemble"]
            return words.joined(separator: " ")
        }
    }

    // MARK: Expansion

    /// One element of each list of a rule.
    struct Expanded {
        var interface: PFInterfaceItem?
        var proto: PFProtocol?
        var icmpType: String?
        var from: PFAddressItem?
        var to: PFAddressItem?
        var fromPort: PFPortMatch?
        var toPort: PFPortMatch?

        /// `on IF [inet] [proto P] from … to …` (or `all`).
        func head(family written: PFAddressFamily?) -> [String] {
            var words: [String] = []
            if let interface { words += ["on", (interface.negated ? "! " : "") + interface.name] }
            if let family = written ?? PFRuleFormatter.family([from, to].compactMap { $0 }) { words.append(family.rawValue) }
            if let proto { words += ["proto", PFRuleFormatter.protocolName(proto)] }
            let anyFrom = from.map { $0.address == .any && !$0.negated } ?? true
            let anyTo = to.map { $0.address == .any && !$0.negated } ?? true
            if anyFrom && anyTo && fromPort == nil && toPort == nil {
                words.append("all")
            } else {
                words += ["from"] + PFRuleFormatter.endpoint(from, fromPort, proto) + ["to"] + PFRuleFormatter.endpoint(to, toPort, proto)
            }
            return words
        }
    }

    static func expanded(_ interfaces: [PFInterfaceItem], _ protocols: [PFProtocol], _ icmpTypes: [String],
                         _ from: PFEndpoint, _ to: PFEndpoint) -> [Expanded] {
        var result: [Expanded] = []
        for interface in orNil(interfaces) {
            for proto in orNil(protocols) {
                for icmpType in orNil(icmpTypes) {
                    for source in orNil(from.addresses) {
                        for destination in orNil(to.addresses) {
                            for sourcePort in orNil(from.ports) {
                                for destinationPort in orNil(to.ports) {
                                    result.append(Expanded(interface: interface, proto: proto, icmpType: icmpType, from: source,
                                                           to: destination, fromPort: sourcePort, toPort: destinationPort))
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    private static func orNil<T>(_ items: [T]) -> [T?] {
        items.isEmpty ? [nil] : items.map { $0 }
    }

    // MARK: Words

    /// The family pfctl infers from the addresses of a rule (nil when none is an address).
    static func family(_ items: [PFAddressItem]) -> PFAddressFamily? {
        for item in items {
            switch item.address {
            case .ipv4: return .inet
            case .ipv6: return .inet6
            default: continue
            }
        }
        return nil
    }

    static func protocolName(_ value: PFProtocol) -> String {
        switch value {
        case .tcp: "tcp"
        case .udp: "udp"
        case .icmp: "icmp"
        case .icmp6: "ipv6-icmp"
        case .other(let name): name
        }
    }

    private static func endpoint(_ item: PFAddressItem?, _ port: PFPortMatch?, _ proto: PFProtocol?) -> [String] {
        var words = [item.map { ($0.negated ? "! " : "") + address($0.address) } ?? "any"]
        if let port { words += ["port", portText(port, proto)] }
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

    /// pfctl_parser.c print_port: a name from /etc/services for `=` and `!=`, numbers otherwise.
    private static func portText(_ match: PFPortMatch, _ proto: PFProtocol?) -> String {
        func named(_ port: UInt16) -> String { ServiceNames.name(port: Int(port), proto: proto == .udp ? "udp" : "tcp") ?? String(port) }
        switch match {
        case .equal(let value): return "= \(named(value))"
        case .notEqual(let value): return "!= \(named(value))"
        case .less(let value): return "< \(value)"
        case .lessOrEqual(let value): return "<= \(value)"
        case .greater(let value): return "> \(value)"
        case .greaterOrEqual(let value): return ">= \(value)"
        case .inclusiveRange(let low, let high): return "\(low):\(high)"
        case .exclusiveRange(let low, let high): return "\(low) >< \(high)"
        case .outsideRange(let low, let high): return "\(low) <> \(high)"
        }
    }

    private static func stateWords(_ state: PFStateOptions) -> [String] {
        var words = [state.kind.rawValue, "state"]
        var options: [String] = []
        let tracks = state.maxSrcConn != nil || state.maxSrcConnRate != nil
        if tracks && !state.otherOptions.contains(where: { $0.hasPrefix("source-track") }) { options.append("source-track rule") }
        if let value = state.maxSrcConn { options.append("max-src-conn \(value)") }
        if let rate = state.maxSrcConnRate { options.append("max-src-conn-rate \(rate.count)/\(rate.seconds)") }
        if let table = state.overloadTable {
            options.append("overload <\(table)>" + (state.flush || state.flushGlobal ? " flush" : "") + (state.flushGlobal ? " global" : ""))
        }
        options += state.otherOptions
        if let rate = state.maxSrcConnRate { options.append("src.track \(rate.seconds)") }
        if !options.isEmpty { words.append("(" + options.joined(separator: ", ") + ")") }
        return words
    }
}
