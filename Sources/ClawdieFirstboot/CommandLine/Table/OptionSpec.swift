/// One option of the command line, as the parser reads it and the help and the man page show it.
struct OptionSpec: Sendable {
    enum Value: Sendable, Equatable {
        /// A flag without a value (`--json`).
        case none
        /// A value named like this in the man page (`phase`); the help shows it in capitals.
        case argument(String)
        /// One of these words (`tcp|udp`).
        case choice([String])
    }

    var name: String
    var value: Value
    var help: String
    /// May be given more than once (`--phase firstboot --phase vnet`).
    var repeatable = false

    var takesValue: Bool { value != .none }

    /// `--phase PHASE`, `--proto tcp|udp`, `--json`.
    var helpForm: String {
        switch value {
        case .none: name
        case .argument(let word): "\(name) \(word.uppercased())"
        case .choice(let words): "\(name) \(words.joined(separator: "|"))"
        }
    }

    /// The mdoc words: `Fl -phase Ar phase`.
    var manForm: String {
        let flag = "Fl " + name.dropFirst()
        switch value {
        case .none: return flag
        case .argument(let word): return "\(flag) Ar \(word)"
        case .choice(let words): return "\(flag) Cm \(words.joined(separator: " | "))"
        }
    }
}
