#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// pfctl(8): check and load rulesets, enable and disable, show status and rules, tables,
/// flush. Rulesets are checked by `PFParser` and reported with pfctl's messages.
extension SimulatedState {
    struct PfctlOptions {
        var enable = false
        var disable = false
        var noAction = false
        var quiet = false
        var file: String?
        var show: String?
        var table: String?
        var tableCommand: String?
        var flush: String?
        var operands: [String] = []
    }

    static func parsePfctl(_ args: [String]) throws(Unmodelled) -> PfctlOptions {
        var options = PfctlOptions()
        var rest = args[...]
        while let word = rest.first, word.hasPrefix("-"), word.count > 1 {
            rest = rest.dropFirst()
            var letters = word.dropFirst()
            while let letter = letters.popFirst() {
                switch letter {
                case "e": options.enable = true
                case "d": options.disable = true
                case "n": options.noAction = true
                case "q": options.quiet = true
                case "v": continue
                case "f", "s", "t", "T", "F":
                    let value = letters.isEmpty ? rest.popFirst() : String(letters)
                    letters = ""
                    guard let value else { throw Unmodelled() }
                    switch letter {
                    case "f": options.file = value
                    case "s": options.show = value
                    case "t": options.table = value
                    case "T": options.tableCommand = value
                    default: options.flush = value
                    }
                default: throw Unmodelled()
                }
            }
        }
        options.operands = Array(rest)
        if options.file == "-" { throw Unmodelled() }
        return options
    }

    mutating func pfctl(_ args: [String]) throws(Unmodelled) -> CommandOutput {
        let options = try Self.parsePfctl(args)
        if options.noAction, let file = options.file, !options.enable, !options.disable, options.show == nil,
           options.tableCommand == nil, options.flush == nil {
            return checkRules(path: file).output
        }
        guard kernelModules.contains("pf") else {
            return .failure("pfctl: /dev/pf: No such file or directory")
        }
        var output = CommandOutput()
        if options.disable {
            if pf.enabled {
                pf.setEnabled(false)
                if !options.quiet { output.err("pf disabled") }
            } else {
                return .failure("pfctl: pf not enabled")
            }
        }
        if let show = options.show {
            output.append(try pfShow(show))
            if output.status != 0 { return output }
        }
        if let flush = options.flush {
            output.append(try pfFlush(flush, quiet: options.quiet))
        }
        if let command = options.tableCommand {
            guard let table = options.table else { throw Unmodelled() }
            output.append(try pfTable(table, command, options.operands))
            if output.status != 0 { return output }
        } else if options.table != nil {
            throw Unmodelled()
        }
        if let file = options.file {
            let load = options.noAction ? checkRules(path: file).output : loadRules(path: file)
            output.append(load)
            if load.status != 0 { return output }
        }
        if options.enable {
            if pf.enabled {
                output.err("pfctl: pf already enabled")
                output.status = 1
                return output
            }
            pf.setEnabled(true)
            if !options.quiet { output.err("pf enabled") }
        }
        return output
    }

    /// `pfctl -nf PATH`: only the `PATH:LINE:` messages, exit 1, on a bad ruleset.
    func checkRules(path: String) -> (output: CommandOutput, ruleset: PFRuleset?) {
        guard let text = text(at: path) else {
            return (.failure("pfctl: cannot open the main config file!: No such file or directory"), nil)
        }
        return checkRules(text: text, path: path)
    }

    func checkRules(text: String, path: String) -> (output: CommandOutput, ruleset: PFRuleset?) {
        do {
            return (CommandOutput(), try PFParser.parse(text: text, path: path))
        } catch {
            return (CommandOutput(stderr: error.description + "\n", status: 1), nil)
        }
    }

    /// `pfctl -f PATH`: a bad ruleset adds pfctl's "rules not loaded" line and changes
    /// nothing; a good one replaces the loaded rules and remembers which interfaces exist now.
    mutating func loadRules(path: String) -> CommandOutput {
        guard let text = text(at: path) else {
            var output = checkRules(path: path).output
            output.err("pfctl: Syntax error in config file: pf rules not loaded")
            return output
        }
        return loadRules(text: text, path: path)
    }

    mutating func loadRules(text: String, path: String) -> CommandOutput {
        let (checked, parsed) = checkRules(text: text, path: path)
        guard let ruleset = parsed else {
            var output = checked
            output.err("pfctl: Syntax error in config file: pf rules not loaded")
            return output
        }
        pf.loadedText = text
        pf.loadedPath = path
        pf.interfacesAtLoad = interfaces.map(\.name)
        for table in ruleset.tables {
            // Loading a ruleset sets each table it defines to the addresses it lists.
            pf.tables[table.name] = Self.sortedAddresses(table.entries.compactMap(Self.tableEntry))
        }
        return CommandOutput()
    }

    /// The loaded ruleset, parsed again from the text that was loaded.
    var loadedRuleset: PFRuleset? {
        guard let text = pf.loadedText else { return nil }
        return try? PFParser.parse(text: text, path: pf.loadedPath ?? "stdin")
    }

    private func pfShow(_ what: String) throws(Unmodelled) -> CommandOutput {
        switch what {
        case "info", "i":
            return CommandOutput(stdout: PfctlStatusFormatter.info(pf))
        case "Running", "R":
            return CommandOutput(stdout: pf.enabled ? "Enabled\n" : "Disabled\n", status: pf.enabled ? 0 : 1)
        case "rules", "r":
            let lines = loadedRuleset.map { PFRuleFormatter.lines($0, freebsdVersion: freebsdVersion) } ?? []
            return CommandOutput(stdout: lines.map { $0 + "\n" }.joined())
        case "Tables", "T":
            // One table name a line, as pfctl prints them without -v.
            return CommandOutput(stdout: pf.tables.keys.sorted().map { $0 + "\n" }.joined())
        default:
            throw Unmodelled()
        }
    }

    private mutating func pfFlush(_ what: String, quiet: Bool) throws(Unmodelled) -> CommandOutput {
        var output = CommandOutput()
        switch what {
        case "all", "a":
            let tableCount = pf.tables.count
            pf.loadedText = nil
            pf.loadedPath = nil
            pf.interfacesAtLoad = []
            pf.tables = [:]
            output.err("rules cleared")
            output.err("nat cleared")
            output.err("\(tableCount) tables deleted.")
            output.err("0 states cleared")
            output.err("source tracking entries cleared")
            output.err("pf: statistics cleared")
            output.err("pf: interface flags reset")
        case "rules", "r":
            pf.loadedText = nil
            pf.loadedPath = nil
            output.err("rules cleared")
        case "Tables", "T":
            output.err("\(pf.tables.count) tables deleted.")
            pf.tables = [:]
        case "states", "s":
            output.err("0 states cleared")
        default:
            throw Unmodelled()
        }
        return quiet ? CommandOutput() : output
    }

    private mutating func pfTable(_ name: String, _ command: String, _ operands: [String]) throws(Unmodelled) -> CommandOutput {
        let missing = CommandOutput.failure("pfctl: Table does not exist.")
        switch command {
        case "show":
            guard let entries = pf.tables[name] else { return missing }
            return CommandOutput(stdout: entries.map { "   \($0)\n" }.joined())
        case "add":
            var output = CommandOutput()
            var addresses: [String] = []
            for operand in operands {
                guard let address = Self.tableOperand(operand) else {
                    return .failure("pfctl: cannot decode \(operand): Name does not resolve")
                }
                addresses.append(address)
            }
            if pf.tables[name] == nil {
                pf.tables[name] = []
                output.err("1 table created.")
            }
            let fresh = Array(Set(addresses).subtracting(pf.tables[name]!))
            pf.tables[name] = Self.sortedAddresses(pf.tables[name]! + fresh)
            output.err("\(fresh.count)/\(operands.count) addresses added.")
            return output
        case "delete":
            guard let entries = pf.tables[name] else { return missing }
            let targets = Set(operands.compactMap(Self.tableOperand))
            let kept = entries.filter { !targets.contains($0) }
            pf.tables[name] = kept
            return CommandOutput(stderr: "\(entries.count - kept.count)/\(operands.count) addresses deleted.\n")
        case "flush":
            guard let entries = pf.tables[name] else { return missing }
            pf.tables[name] = []
            return CommandOutput(stderr: "\(entries.count) addresses deleted.\n")
        case "kill":
            // A persistent table outlives the rules that declared it until it is killed.
            guard pf.tables.removeValue(forKey: name) != nil else { return missing }
            return CommandOutput(stderr: "1 table deleted.\n")
        case "expire":
            guard operands.count == 1, let seconds = Int(operands[0]) else { throw Unmodelled() }
            guard let entries = pf.tables[name] else { return missing }
            // The simulated clock never advances: entries are all 0 seconds old.
            let expired = seconds <= 0 ? entries.count : 0
            if expired > 0 { pf.tables[name] = [] }
            return CommandOutput(stderr: "\(expired)/\(entries.count) addresses expired.\n")
        default:
            throw Unmodelled()
        }
    }

    static func tableEntry(_ item: PFAddressItem) -> String? {
        guard !item.negated, case .ipv4(let network) = item.address else { return nil }
        return network.prefixLength == 32 ? network.address.description : network.network.description
    }

    static func tableOperand(_ text: String) -> String? {
        guard let network = IPv4Network(text) else { return nil }
        return network.prefixLength == 32 ? network.address.description : network.network.description
    }

    static func sortedAddresses(_ entries: [String]) -> [String] {
        Array(Set(entries)).sorted { lhs, rhs in
            let a = IPv4Network(lhs), b = IPv4Network(rhs)
            return (a?.address.value ?? 0, a?.prefixLength ?? 0) < (b?.address.value ?? 0, b?.prefixLength ?? 0)
        }
    }
}
