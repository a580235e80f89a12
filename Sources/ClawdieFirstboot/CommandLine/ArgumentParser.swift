import FirstbootEngine
import FreeBSDHost

/// Turns argv into an `Invocation`. Hand-written: the tool has no package dependencies, and
/// the grammar is small — global options anywhere, one command (`simulate` takes a second
/// word), the command's options. Which options exist, which take a value and which command
/// takes which comes from `CommandTable`; only the rules between options are written here.
enum ArgumentParser {
    static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        let wantsHelp = arguments.first == "help" || arguments.contains { (CommandTable.aliases[$0] ?? $0) == "--help" }
        var words = arguments[...]
        var commandWords: [String] = []
        var given: [(name: String, value: String?)] = []

        while let word = words.popFirst() {
            var option = CommandTable.aliases[word] ?? word
            // Accept --option=value as well as --option value.
            if option.hasPrefix("--"), let equals = option.firstIndex(of: "=") {
                words.insert(String(option[option.index(after: equals)...]), at: words.startIndex)
                option = String(option[..<equals])
            }
            guard option.hasPrefix("-") else {
                commandWords.append(option)
                continue
            }
            guard let spec = CommandTable.global.first(where: { $0.name == option })
                ?? CommandTable.commands.lazy.compactMap({ $0.option(option) }).first else {
                throw UsageError(message: "unknown option \(option)")
            }
            var value: String?
            if spec.takesValue {
                if let next = words.first, !next.hasPrefix("--") {
                    value = words.popFirst()
                } else if !wantsHelp {
                    throw UsageError(message: "\(option) needs a value")
                }
            }
            given.append((option, value))
        }

        let command = try command(commandWords, help: wantsHelp)
        if wantsHelp {
            var invocation = Invocation(verb: .plan)
            invocation.help = true
            invocation.helpCommand = command?.name
            return invocation
        }
        guard let command else { throw UsageError(message: "no command given") }
        return try invocation(command, given)
    }

    /// The command the bare words name; nil (only with --help) when there are none.
    private static func command(_ words: [String], help: Bool) throws(UsageError) -> CommandSpec? {
        var words = words[...]
        if help, words.first == "help" { words.removeFirst() }
        guard let first = words.popFirst() else { return nil }
        guard Invocation.Verb(rawValue: first) != nil else { throw UsageError(message: "unknown command \(first)") }
        var name = first
        if first == "simulate" {
            guard let action = words.popFirst() else {
                if help { return nil }
                throw UsageError(message: "simulate needs reboot, probe or approve-routes", command: "simulate probe")
            }
            name += " " + action
            guard CommandTable.command(name) != nil else { throw UsageError(message: "simulate takes reboot, probe or approve-routes, not \(action)") }
        }
        if let extra = words.first { throw UsageError(message: "unexpected argument \(extra)", command: name) }
        return CommandTable.command(name)
    }

    /// Reads the options given into an invocation of `command`, refusing any that do not go with it.
    private static func invocation(_ command: CommandSpec, _ given: [(name: String, value: String?)]) throws(UsageError) -> Invocation {
        func refuse(_ message: String) -> UsageError { UsageError(message: message, command: command.name) }
        var seen = Set<String>()
        for (name, _) in given {
            guard let spec = CommandTable.option(name, of: command) else {
                let takers = CommandTable.commands(taking: name)
                throw refuse("\(name) goes with \(takers.joined(separator: ", ")), not \(command.name)")
            }
            if !spec.repeatable, !seen.insert(name).inserted { throw refuse("\(name) is given more than once") }
        }
        func value(_ name: String) -> String? { given.last { $0.name == name }?.value }
        func flag(_ name: String) -> Bool { given.contains { $0.name == name } }

        let words = command.name.split(separator: " ")
        var invocation = Invocation(verb: Invocation.Verb(rawValue: String(words[0]))!)
        invocation.configPath = value("--config")
        invocation.stateDirectory = value("--state-dir")
        invocation.hostProfile = value("--host-profile")
        invocation.quiet = flag("--quiet")
        invocation.json = flag("--json")
        invocation.long = flag("--long")
        invocation.boot = flag("--boot")
        invocation.wait = flag("--wait")
        invocation.output = value("--output")
        // `--to` is rollback's step, and simulate probe's destination.
        invocation.rollbackTo = invocation.verb == .rollback ? value("--to").map(StepID.init) : nil
        invocation.phases = given.filter { $0.name == "--phase" }.compactMap(\.value).map(Phase.init)
        for phase in invocation.phases where !Settings.knownPhases.contains(phase) {
            throw refuse("unknown phase \(phase); the phases are: \(Settings.knownPhases.joined(separator: ", "))")
        }
        if let text = value("--timeout") {
            guard let seconds = Double(text), seconds >= 0, seconds.isFinite else { throw refuse("--timeout takes seconds, like 300") }
            invocation.timeout = seconds
        }
        if let text = value("--confirm-within") {
            guard let seconds = Int(text), (1...86400).contains(seconds) else {
                throw refuse("--confirm-within takes seconds from 1 to 86400, like 300")
            }
            invocation.confirmWithin = seconds
        }
        try requireFormOptions(command, given: Set(given.map(\.name)))
        if command.option("--in") != nil {
            let request = try probeRequest(value, refuse: refuse)
            if invocation.verb == .simulate { invocation.simulate = .probe(request) } else { invocation.probe = request }
        } else if invocation.verb == .simulate {
            invocation.simulate = command.name == "simulate approve-routes" ? .approveRoutes : .reboot
        }
        if invocation.verb == .rollback, !invocation.phases.isEmpty {
            invocation.rollbackPhase = invocation.phases[0]
            invocation.phases = []
            if invocation.rollbackTo != nil { throw refuse("rollback takes --to or --phase, not both") }
        }
        try checkCombinations(invocation, refuse: refuse)
        return invocation
    }

    /// The options every form of the command names outside brackets (`probe --in …`).
    private static func requireFormOptions(_ command: CommandSpec, given: Set<String>) throws(UsageError) {
        let required = command.forms.first?.compactMap { item -> String? in
            if case .option(let name) = item, command.option(name) != nil { name } else { nil }
        } ?? []
        guard required.allSatisfy(given.contains) else {
            let needed = required.compactMap { command.option($0)?.helpForm }.joined(separator: " ")
            throw UsageError(message: "\(command.name) needs \(needed)", command: command.name)
        }
    }

    private static func probeRequest(_ value: (String) -> String?, refuse: (String) -> UsageError) throws(UsageError) -> ProbeRequest {
        let proto: PFProtocol
        switch value("--proto") {
        case "tcp": proto = .tcp
        case "udp": proto = .udp
        default: throw refuse("--proto is tcp or udp")
        }
        guard let port = value("--port").flatMap({ UInt16($0) }), port > 0 else { throw refuse("--port takes a port number from 1 to 65535") }
        var source: IPv4Address?
        if let text = value("--from") {
            guard let address = IPv4Address(text) else { throw refuse("--from takes an IPv4 address, like 203.0.113.7") }
            source = address
        }
        var destination: IPv4Address?
        if let text = value("--to") {
            guard let address = IPv4Address(text) else { throw refuse("--to takes an IPv4 address, like 192.168.100.5") }
            guard source != nil else { throw refuse("--to needs --from: the way back depends on the source") }
            destination = address
        }
        return ProbeRequest(interface: value("--in") ?? "", proto: proto, port: port, source: source, destination: destination,
                            rules: value("--rules"))
    }

    /// Options that each go with the command but not with each other are refused rather than ignored.
    private static func checkCombinations(_ invocation: Invocation, refuse: (String) -> UsageError) throws(UsageError) {
        if invocation.timeout != nil && !invocation.wait { throw refuse("--timeout goes with status --wait") }
        if invocation.boot && !invocation.phases.isEmpty { throw refuse("apply --boot runs the configured boot_phases; drop --phase") }
        if invocation.json, case .probe(let request)? = invocation.simulate, request.destination != nil {
            throw refuse("simulate probe --to prints the way there and back as text; drop --json")
        }
        if invocation.confirmWithin != nil {
            if invocation.boot { throw refuse("--confirm-within goes with apply --phase lockdown, not apply --boot") }
            if !invocation.phases.isEmpty && !invocation.phases.contains(Phase.lockdown) && !invocation.phases.contains(Phase.subnet) {
                throw refuse("--confirm-within holds the lockdown (or subnet) phase's pf change: add --phase lockdown")
            }
        }
    }
}
