/// Answers "would this packet pass?" for a loaded ruleset, with pf's semantics: every filter
/// rule is evaluated in order and the last one that matches decides, except that a matching
/// `quick` rule decides at once; when nothing matches the packet passes; `set skip` interfaces
/// are not filtered at all.
///
/// Simplifications (enough for the lockout checks, which ask about the first packet of a
/// connection):
/// - Only IPv4 addresses are compared; IPv6 addresses in rules match nothing.
/// - TCP flags are not compared: the packet is taken to be the opening SYN.
/// - `antispoof`, `scrub` and `nat` do not affect the verdict.
/// - `(IF)`, a bare interface name, and `self` match the addresses in `interfaceAddresses`
///   (`IF:network` matches the interface's networks). When the packet's destination is nil,
///   `to (IF)` / `to IF` match a packet on interface IF and `to self` matches any packet; a
///   nil source matches none of them.
/// - An interface name without a trailing digit (`lo`) also matches as the group of
///   interfaces named like it plus a number (`lo0`, `lo1`).
/// - The cold-boot race: pf binds `on IF` when the rules are loaded. When
///   `interfacesPresentAtLoad` is given, an `on IF` naming an interface absent at load never
///   matches (and `on ! IF` matches everything); an interface list matches only through its
///   present members; a bare interface name used as an address matches nothing.
package struct PFEvaluator: Sendable {
    package var ruleset: PFRuleset
    /// Addresses added to tables at run time (`<bruteforce>` filled by overload), by table name,
    /// in addition to those the table's definition lists.
    package var tableContents: [String: [IPv4Network]]
    /// The host's interface addresses, with their prefix lengths.
    package var interfaceAddresses: [String: [IPv4Network]]
    /// Interfaces that existed when the rules were loaded; nil when all did.
    package var interfacesPresentAtLoad: Set<String>?

    package init(ruleset: PFRuleset, tableContents: [String: [IPv4Network]] = [:],
                 interfaceAddresses: [String: [IPv4Network]] = [:], interfacesPresentAtLoad: Set<String>? = nil) {
        self.ruleset = ruleset
        self.tableContents = tableContents
        self.interfaceAddresses = interfaceAddresses
        self.interfacesPresentAtLoad = interfacesPresentAtLoad
    }

    /// The verdict for `packet`, naming the line that decided.
    package func verdict(for packet: PFPacket) -> PFVerdict {
        for option in ruleset.options {
            if case .skip(let names) = option.setting,
               names.contains(where: { Self.interface($0, names: packet.interface) }) {
                return PFVerdict(action: .pass, line: option.line, cause: .skippedInterface)
            }
        }
        var decision = PFVerdict(action: .pass, line: nil, cause: .noMatchingRule)
        for rule in ruleset.filterRules where matches(rule, packet) {
            decision = PFVerdict(action: rule.action, line: rule.line)
            if rule.quick { break }
        }
        return decision
    }

    /// Whether `rule` matches `packet`.
    package func matches(_ rule: PFFilterRule, _ packet: PFPacket) -> Bool {
        if let direction = rule.direction, direction != packet.direction { return false }
        if let family = rule.family, family != packet.family { return false }
        if !rule.protocols.isEmpty && !rule.protocols.contains(packet.proto) { return false }
        if !rule.interfaces.isEmpty && !rule.interfaces.contains(where: { matches($0, packet) }) { return false }
        if !matches(rule.from.addresses, address: packet.source, isDestination: false, packet: packet) { return false }
        if !matches(rule.to.addresses, address: packet.destination, isDestination: true, packet: packet) { return false }
        if !Self.matches(rule.from.ports, packet.sourcePort) { return false }
        if !Self.matches(rule.to.ports, packet.destinationPort) { return false }
        return matchesICMPType(rule, packet)
    }
}
