/// One pf filter rule of the platform's ruleset, typed so the policy is built from facts
/// rather than strings, with the comment that tells the operator why it is there.
struct FilterRule: Sendable, Equatable {
    enum Action: String, Sendable { case pass, block }
    enum Direction: String, Sendable { case `in`, out }
    enum Family: String, Sendable { case inet, inet6 }

    var comment: String
    var action: Action
    var direction: Direction?
    var quick = false
    /// An interface name or macro (`$ext_if`).
    var interface: String?
    var family: Family?
    var proto: String?
    var from = "any"
    var to = "any"
    /// A port, port macro or list for the destination.
    var port: String?
    /// `icmp-type …` or `icmp6-type …`.
    var icmpTypes: String?
    var flags: String?
    /// `keep state`, with options in parentheses when given.
    var keepState = false
    var stateOptions: [String] = []

    /// The rule as pf.conf text.
    var text: String {
        var words = [action.rawValue]
        if let direction { words.append(direction.rawValue) }
        if quick { words.append("quick") }
        if let interface { words += ["on", interface] }
        if let family { words.append(family.rawValue) }
        if let proto { words += ["proto", proto] }
        if from == "any" && to == "any" && port == nil {
            words.append("all")
        } else {
            words += ["from", from, "to", to]
            if let port { words += ["port", port] }
        }
        if let icmpTypes { words.append(icmpTypes) }
        if let flags { words += ["flags", flags] }
        if keepState {
            words += ["keep", "state"]
            if !stateOptions.isEmpty { words.append("(" + stateOptions.joined(separator: ", ") + ")") }
        }
        return words.joined(separator: " ")
    }
}
