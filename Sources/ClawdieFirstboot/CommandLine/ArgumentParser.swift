/// Turns argv into an `Invocation`. Hand-written: the tool has no package dependencies, and
/// the grammar is small — global options anywhere, one verb, the verb's options.
enum ArgumentParser {
    static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        var words = arguments[...]
        var verb: Invocation.Verb?
        var invocation = Invocation(verb: .plan)
        var simulateWords: [String] = []

        func value(_ option: String) throws(UsageError) -> String {
            guard let next = words.popFirst(), !next.hasPrefix("--") else {
                throw UsageError(message: "\(option) needs a value")
            }
            return next
        }

        while let word = words.popFirst() {
            var option = word
            // Accept --option=value as well as --option value.
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                option = String(word[..<equals])
                words.insert(contentsOf: [String(word[word.index(after: equals)...])], at: words.startIndex)
            }
            switch option {
            case "--config": invocation.configPath = try value(option)
            case "--state-dir": invocation.stateDirectory = try value(option)
            case "--host-profile": invocation.hostProfile = try value(option)
            case "--phase": invocation.phases.append(try value(option))
            case "--json": invocation.json = true
            case "--boot": invocation.boot = true
            case "--wait": invocation.wait = true
            case "--timeout":
                let text = try value(option)
                guard let seconds = Double(text), seconds >= 0, seconds.isFinite else {
                    throw UsageError(message: "--timeout takes seconds, like 300")
                }
                invocation.timeout = seconds
            case "--to": invocation.rollbackTo = try value(option)
            case "--confirm-within":
                let text = try value(option)
                guard let seconds = Int(text), (1...86400).contains(seconds) else {
                    throw UsageError(message: "--confirm-within takes seconds from 1 to 86400, like 300")
                }
                invocation.confirmWithin = seconds
            case "--output", "-o": invocation.output = try value(option)
            case "--in", "--proto", "--port", "--from":
                simulateWords += [option, try value(option)]
            default:
                if option.hasPrefix("-") {
                    throw UsageError(message: "unknown option \(option)")
                }
                if verb == nil {
                    guard let known = Invocation.Verb(rawValue: option) else {
                        throw UsageError(message: "unknown command \(option)")
                    }
                    verb = known
                } else if verb == .simulate, simulateWords.isEmpty, invocation.simulate == nil, ["reboot", "probe"].contains(option) {
                    simulateWords.append(option)
                } else {
                    throw UsageError(message: "unexpected argument \(option)")
                }
            }
        }
        guard let verb else { throw UsageError(message: "no command given") }
        invocation.verb = verb
        if verb == .rollback, !invocation.phases.isEmpty {
            guard invocation.phases.count == 1 else { throw UsageError(message: "rollback takes one --phase") }
            invocation.rollbackPhase = invocation.phases[0]
            invocation.phases = []
            if invocation.rollbackTo != nil { throw UsageError(message: "rollback takes --to or --phase, not both") }
        }
        if verb == .simulate {
            invocation.simulate = try simulateAction(simulateWords)
        } else if !simulateWords.isEmpty {
            throw UsageError(message: "\(simulateWords[0]) belongs to simulate probe")
        }
        try checkOptions(invocation)
        return invocation
    }

    private static func simulateAction(_ words: [String]) throws(UsageError) -> Invocation.SimulateAction {
        guard let action = words.first else { throw UsageError(message: "simulate needs reboot or probe") }
        if action == "reboot" {
            guard words.count == 1 else { throw UsageError(message: "simulate reboot takes no options") }
            return .reboot
        }
        var options: [String: String] = [:]
        var index = 1
        while index + 1 < words.count {
            options[words[index]] = words[index + 1]
            index += 2
        }
        guard let interface = options["--in"], let proto = options["--proto"], let portText = options["--port"] else {
            throw UsageError(message: "simulate probe needs --in IF --proto tcp|udp --port N")
        }
        guard ["tcp", "udp"].contains(proto) else { throw UsageError(message: "--proto is tcp or udp") }
        guard let port = UInt16(portText), port > 0 else { throw UsageError(message: "--port takes a port number from 1 to 65535") }
        return .probe(interface: interface, proto: proto, port: port, source: options["--from"])
    }

    /// Options that make no sense with the verb are refused rather than ignored.
    private static func checkOptions(_ invocation: Invocation) throws(UsageError) {
        let verb = invocation.verb
        if invocation.json && ![.plan, .apply, .status, .facts].contains(verb) { throw UsageError(message: "--json goes with plan, apply, status or facts") }
        if !invocation.phases.isEmpty && ![.plan, .apply, .status].contains(verb) { throw UsageError(message: "--phase goes with plan, apply, status or rollback") }
        if invocation.boot && verb != .apply { throw UsageError(message: "--boot goes with apply") }
        if invocation.wait && verb != .status { throw UsageError(message: "--wait goes with status") }
        if invocation.timeout != nil && !invocation.wait { throw UsageError(message: "--timeout goes with status --wait") }
        if invocation.rollbackTo != nil && verb != .rollback { throw UsageError(message: "--to goes with rollback") }
        if invocation.output != nil && verb != .facts { throw UsageError(message: "--output goes with facts") }
        if invocation.confirmWithin != nil && (verb != .apply || invocation.boot) { throw UsageError(message: "--confirm-within goes with apply") }
        if invocation.boot && !invocation.phases.isEmpty { throw UsageError(message: "apply --boot runs the configured boot_phases; drop --phase") }
    }
}
