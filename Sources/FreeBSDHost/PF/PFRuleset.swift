/// A parsed pf.conf, in the subset of pf.conf(5) this project writes: macros, tables, `set`
/// options, scrub, `nat`, `antispoof`, and `pass`/`block` rules.
///
/// Each kind of statement is kept in file order with the line it was written on, so an
/// evaluation can say which line decided.
package struct PFRuleset: Sendable, Equatable {
    package var macros: [PFMacro] = []
    package var tables: [PFTable] = []
    package var options: [PFOption] = []
    package var scrubRules: [PFScrubRule] = []
    package var natRules: [PFNatRule] = []
    package var antispoofRules: [PFAntispoofRule] = []
    package var filterRules: [PFFilterRule] = []

    package init() {}

    package func macro(named name: String) -> PFMacro? {
        macros.last { $0.name == name }
    }

    package func table(named name: String) -> PFTable? {
        tables.first { $0.name == name }
    }

    /// Every interface named by `set skip`, in order.
    package var skippedInterfaces: [String] {
        options.flatMap { option -> [String] in
            if case .skip(let names) = option.setting { return names }
            return []
        }
    }

    /// The effective `set block-policy` (pf's default is drop).
    package var blockPolicy: PFBlockPolicy {
        for option in options.reversed() {
            if case .blockPolicy(let policy) = option.setting { return policy }
        }
        return .drop
    }
}
