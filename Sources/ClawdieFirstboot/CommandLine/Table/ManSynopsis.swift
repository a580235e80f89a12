/// The man page's SYNOPSIS in mdoc, from `CommandTable`: docs/clawdie-firstboot.8 must hold
/// exactly this between `.Sh SYNOPSIS` and the next section (a test checks it).
enum ManSynopsis {
    static var mdoc: String {
        var lines: [String] = []
        for command in CommandTable.commands where !command.isInternal {
            for form in command.forms {
                lines.append(".Nm")
                lines += form.map { "." + render($0, command: command) }
            }
        }
        lines += [".Nm", ".Fl -help | Fl -version"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ item: UsageItem, command: CommandSpec) -> String {
        switch item {
        case .globalOptions: return "Op Ar global-options"
        case .word(let word): return "Cm \(word)"
        case .option(let name): return CommandTable.option(name, of: command)?.manForm ?? "Fl \(name.dropFirst())"
        case .optionValue(let name, let value): return "Fl \(name.dropFirst()) Cm \(value)"
        case .optional(let inner): return "Op " + inner.map { render($0, command: command) }.joined(separator: " ")
        case .either(let choices): return choices.map { render($0, command: command) }.joined(separator: " | ")
        }
    }
}
