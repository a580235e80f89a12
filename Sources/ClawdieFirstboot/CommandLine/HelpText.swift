import FirstbootEngine

/// `clawdie-firstboot --help` and `clawdie-firstboot COMMAND --help`, printed from `CommandTable`.
enum HelpText {
    static let width = 100

    /// The tool's help: every command in a line, the global options, the platform's phases and
    /// steps, the exit statuses.
    static var text: String { text(steps: PlatformSteps.all(Settings())) }

    /// The tool's help listing `steps` (the registry's, or a test's).
    static func text(steps: [any Step]) -> String {
        var lines = [
            "usage: clawdie-firstboot [global options] COMMAND [options]",
            "",
            "Brings a FreeBSD host of the Clawdie-AI platform to its protected state - pf blocking by",
            "default, SSH rate-limited, the agent bridge with NAT - through journaled, resumable and",
            "reversible steps.",
            "",
            "Commands (COMMAND --help for its options and exit statuses):",
        ]
        let visible = CommandTable.commands.filter { !$0.isInternal }
        lines += table(visible.map { ($0.name, $0.summary) })
        lines += ["", "Global options (before or after the command):"]
        lines += table(CommandTable.global.map { ($0.helpForm, $0.help) })
        lines += [
            "",
        ]
        lines += wrap(phaseList(steps), width: proseWidth)
        lines += [
            "",
            "Exit status: 0 success, 1 failure (the message and the journal say where), 2 plan has",
            "changes pending, 64 bad command line.",
            "",
            "See clawdie-firstboot(8) and the docs/ folder.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The width of the tool's help paragraphs, narrower than the option tables.
    private static let proseWidth = 89

    /// `Phases: P (step, …); …`: each phase with its steps, in the registry's order.
    static func phaseList(_ steps: [any Step]) -> String {
        let phases = Scheduler.declaredPhases(steps).map { phase in
            "\(phase) (\(steps.filter { $0.phase == phase }.map(\.id).joined(separator: ", ")))"
        }
        return "Phases: " + phases.joined(separator: "; ") + "."
    }

    /// One command's help: its synopsis, what it does, its options, the global options and its
    /// exit statuses.
    static func text(for command: CommandSpec) -> String {
        var lines = command.forms.enumerated().map { index, form in
            (index == 0 ? "usage: " : "       ") + "clawdie-firstboot " + render(form, command: command)
        }
        lines.append("")
        lines += wrap(command.description, width: width)
        if !command.options.isEmpty {
            lines += ["", "Options:"]
            lines += table(command.options.map { ($0.helpForm, $0.help) })
        }
        lines += ["", "Global options:"]
        lines += table(CommandTable.global.map { ($0.helpForm, $0.help) })
        lines += ["", "Exit status:"]
        lines += table(command.exitStatuses.map { (String($0.code), $0.meaning) })
        return lines.joined(separator: "\n") + "\n"
    }

    /// A synopsis form as text: `[global options] plan [--phase PHASE]... [--json]`.
    static func render(_ items: [UsageItem], command: CommandSpec) -> String {
        items.map { render($0, command: command) }.joined(separator: " ")
    }

    private static func render(_ item: UsageItem, command: CommandSpec) -> String {
        switch item {
        case .globalOptions: return "[global options]"
        case .word(let word): return word
        case .option(let name): return CommandTable.option(name, of: command)?.helpForm ?? name
        case .optionValue(let name, let value): return "\(name) \(value)"
        case .optional(let inner):
            let repeats = inner.count == 1 && { if case .option(let name) = inner[0] { CommandTable.option(name, of: command)?.repeatable == true } else { false } }()
            return "[" + render(inner, command: command) + "]" + (repeats ? "..." : "")
        case .either(let choices): return choices.map { render($0, command: command) }.joined(separator: " | ")
        }
    }

    /// Two columns: the left padded to a common width (at most 24), the right wrapped.
    private static func table(_ rows: [(String, String)]) -> [String] {
        let column = min(24, (rows.map(\.0.count).max() ?? 0) + 2)
        var lines: [String] = []
        for (left, right) in rows {
            let indent = String(repeating: " ", count: 2 + column)
            let wrapped = wrap(right, width: width - indent.count)
            if left.count + 2 > column {
                lines.append("  " + left)
                lines += wrapped.map { indent + $0 }
            } else {
                let pad = String(repeating: " ", count: column - left.count)
                lines.append("  " + left + pad + (wrapped.first ?? ""))
                lines += wrapped.dropFirst().map { indent + $0 }
            }
        }
        return lines
    }

    /// `text` broken into lines of at most `width` characters at spaces.
    private static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
