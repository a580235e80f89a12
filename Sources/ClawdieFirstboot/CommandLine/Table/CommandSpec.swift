/// One command of the tool: what the parser accepts for it, and what its help and the man page's
/// SYNOPSIS say. All of them are listed in `CommandTable`.
struct CommandSpec: Sendable {
    /// The words that name it: `plan`, `simulate probe`.
    var name: String
    /// One line for the list of commands in `clawdie-firstboot --help`.
    var summary: String
    /// What `COMMAND --help` says about it, before the options.
    var description: String
    /// Its own options (the global ones are accepted everywhere).
    var options: [OptionSpec]
    /// Its synopsis: one or more forms.
    var forms: [[UsageItem]]
    /// Exit statuses and what each means for this command.
    var exitStatuses: [(code: Int32, meaning: String)]
    /// Started by the tool itself, not by an operator: left out of the list of commands and the man page.
    var isInternal = false

    func option(_ name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }
}
