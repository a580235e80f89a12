/// Every command and option of the tool, in one table. The parser accepts exactly these, the
/// help texts are printed from them, and the man page's SYNOPSIS is checked against them
/// (`ManSynopsis`), so none of the three can drift from the others.
enum CommandTable {
    static let global: [OptionSpec] = [
        OptionSpec(name: "--config", value: .argument("file"), help: "configuration (default \(ToolContext.defaultConfigPath))"),
        OptionSpec(name: "--state-dir", value: .argument("dir"), help: "journal, backups and lock (default \(ToolContext.defaultStateDirectory))"),
        OptionSpec(name: "--host-profile", value: .argument("file"),
                   help: "run against a simulated FreeBSD host described by FILE; apply, rollback and simulate then need --state-dir"),
        OptionSpec(name: "--quiet", value: .none, help: "no progress lines on stderr (warnings and errors still print)"),
        OptionSpec(name: "--help", value: .none, help: "this text; COMMAND --help for one command"),
        OptionSpec(name: "--version", value: .none, help: "the tool's version"),
    ]

    /// Short spellings of options.
    static let aliases = ["-h": "--help", "-o": "--output"]

    static let usageError: (code: Int32, meaning: String) = (ExitStatus.usage.rawValue, "bad command line")

    private static let phase = OptionSpec(name: "--phase", value: .argument("phase"),
                                          help: "only this phase (firstboot, lockdown, vnet, subnet); repeatable; default: the configured boot_phases",
                                          repeatable: true)
    private static let json = OptionSpec(name: "--json", value: .none, help: "print a JSON document for scripts instead of text")
    private static let probeOptions: [OptionSpec] = [
        OptionSpec(name: "--in", value: .argument("interface"), help: "the interface the packet arrives on"),
        OptionSpec(name: "--proto", value: .choice(["tcp", "udp"]), help: "its protocol"),
        OptionSpec(name: "--port", value: .argument("port"), help: "its destination port, 1 to 65535"),
        OptionSpec(name: "--from", value: .argument("address"), help: "its IPv4 source (default: an address outside every table and network)"),
    ]
    private static let probeForm: [UsageItem] = [.option("--in"), .option("--proto"), .option("--port"), .optional([.option("--from")])]

    static let commands: [CommandSpec] = [
        CommandSpec(
            name: "plan", summary: "show what apply would do",
            description: "Compares the host with the configuration and shows, without changing anything, what apply would do: each step with its rc.conf keys, commands and file diffs.",
            options: [phase, json],
            forms: [[.globalOptions, .word("plan"), .optional([.option("--phase")]), .optional([.option("--json")])]],
            exitStatuses: [(0, "nothing to do"), (2, "changes are pending (what a fresh host answers)"), (1, "error"), usageError]),
        CommandSpec(
            name: "apply", summary: "run or resume the steps",
            description: """
            Runs the steps of the phases, resuming an interrupted run; a failing step is undone and ends the run. \
            Progress goes to stderr and every run is logged in /var/log/clawdie-firstboot.log. \
            With --boot (what the rc.d hook runs) it does the configured boot_phases until they are complete, stops after \
            boot_retry_limit failed boots and reverts a lockdown whose confirmation deadline passed. With the lockdown phase and \
            --confirm-within, the new rules are reverted unless confirmed within that many seconds.
            """,
            options: [
                phase, json,
                OptionSpec(name: "--boot", value: .none, help: "run as the boot hook does (the configured boot_phases; no --phase)"),
                OptionSpec(name: "--confirm-within", value: .argument("seconds"),
                           help: "with the lockdown phase: revert it unless `confirm` comes within SECONDS (1 to 86400)"),
            ],
            forms: [
                [.globalOptions, .word("apply"), .optional([.option("--phase")]), .optional([.option("--json")])],
                [.globalOptions, .word("apply"), .optionValue("--phase", "lockdown"), .optional([.option("--confirm-within")]), .optional([.option("--json")])],
                [.globalOptions, .word("apply"), .option("--boot"), .optional([.option("--json")])],
            ],
            exitStatuses: [(0, "done, or nothing to do"), (1, "a step failed (the message and the journal say which) or the boot hook stopped retrying"), usageError]),
        CommandSpec(
            name: "confirm", summary: "keep a change that is waiting for confirmation",
            description: "Keeps the change that apply --confirm-within holds, so that it is not reverted at its deadline. Run it from an SSH session over the new path (the tailnet).",
            options: [],
            forms: [[.globalOptions, .word("confirm")]],
            exitStatuses: [(0, "confirmed"), (1, "nothing is waiting, or the deadline has passed"), usageError]),
        CommandSpec(
            name: "status", summary: "say where the host stands",
            description: "Prints one line saying where the host stands, from the journal alone. --long adds each step of the last run with its start, duration and outcome; --wait waits until the run settles.",
            options: [
                phase, json,
                OptionSpec(name: "--long", value: .none, help: "also each step: its state, and its start, duration and outcome in the last run"),
                OptionSpec(name: "--wait", value: .none, help: "wait until the run is complete, failed or needs the operator"),
                OptionSpec(name: "--timeout", value: .argument("seconds"), help: "with --wait: give up after SECONDS"),
            ],
            forms: [[.globalOptions, .word("status"), .optional([.option("--phase")]), .optional([.option("--json")]), .optional([.option("--long")]),
                     .optional([.option("--wait"), .optional([.option("--timeout")])])]],
            exitStatuses: [(0, "reported (with --wait: the run is complete)"), (1, "with --wait: the run failed, needs the operator, or did not settle in time"), usageError]),
        CommandSpec(
            name: "rollback", summary: "undo completed steps in reverse order",
            description: "Undoes completed steps in reverse order from their recorded before-state: all of them, one phase, or those completed after a step.",
            options: [
                OptionSpec(name: "--to", value: .argument("step"), help: "undo the steps completed after STEP, keeping STEP"),
                OptionSpec(name: "--phase", value: .argument("phase"), help: "undo only this phase's steps"),
            ],
            forms: [[.globalOptions, .word("rollback"), .optional([.either([.option("--to"), .option("--phase")])])]],
            exitStatuses: [(0, "rolled back, or nothing to roll back"), (1, "a change could not be undone (the message says which)"), usageError]),
        CommandSpec(
            name: "facts", summary: "write a host profile of this host",
            description: "Records this host (files, rc.conf, interfaces, pf, packages) as a host profile that plan can run against on another machine.",
            options: [OptionSpec(name: "--output", value: .argument("file"), help: "write it to FILE instead of stdout")],
            forms: [[.globalOptions, .word("facts"), .optional([.option("--output")])]],
            exitStatuses: [(0, "written"), (1, "the host could not be read"), usageError]),
        CommandSpec(
            name: "probe", summary: "say whether pf would pass a packet, and which rule decides",
            description: "Evaluates a ruleset (the file, not the loaded rules; no root needed, pf is not touched) with the evaluator the lockout check uses, and prints pass or block with the rule that decided it.",
            options: probeOptions + [
                OptionSpec(name: "--rules", value: .argument("file"), help: "the ruleset to evaluate (default /etc/pf.conf)"),
                json,
            ],
            forms: [[.globalOptions, .word("probe")] + probeForm + [.optional([.option("--rules")]), .optional([.option("--json")])]],
            exitStatuses: [(0, "answered (pass or block)"), (1, "the ruleset cannot be read or does not parse"), usageError]),
        CommandSpec(
            name: "simulate reboot", summary: "reboot the simulated host",
            description: "Reboots the simulated host: runs its rc.d scripts in rcorder order, the boot hook (apply --boot) included when it is enabled.",
            options: [],
            forms: [[.option("--host-profile"), .option("--state-dir"), .word("simulate"), .word("reboot")]],
            exitStatuses: [(0, "rebooted (and the boot hook succeeded)"), (1, "the boot hook failed"), usageError]),
        CommandSpec(
            name: "simulate probe", summary: "probe on the simulated host, with its loaded rules",
            description: "Like probe, on the simulated host: evaluates the rules pf has loaded there, with the interfaces that existed when they were loaded and the tables' contents. Refuses an interface the host does not have.",
            options: probeOptions + [
                OptionSpec(name: "--to", value: .argument("address"),
                           help: "with --from: its IPv4 destination, followed through the host (forwarded when it lies behind it) and back"),
                json,
            ],
            forms: [[.option("--host-profile"), .option("--state-dir"), .word("simulate"), .word("probe"), .option("--in"), .option("--proto"),
                     .option("--port"), .optional([.option("--from"), .optional([.option("--to")])]), .optional([.option("--json")])]],
            exitStatuses: [(0, "answered (pass or block)"), (1, "the simulated host cannot be read"), usageError]),
        CommandSpec(
            name: "simulate approve-routes", summary: "the tailnet's admin approves the advertised subnet routes",
            description: "On the simulated tailnet, approves the subnet routes the node advertises now, as the admin console does (for a host profile whose tailscale.route_approval is pending).",
            options: [],
            forms: [[.option("--host-profile"), .option("--state-dir"), .word("simulate"), .word("approve-routes")]],
            exitStatuses: [(0, "approved"), (1, "the simulated host cannot be read"), usageError]),
        CommandSpec(
            name: "watch-confirmation", summary: "the detached process apply starts to revert an unconfirmed change at its deadline",
            description: "Started by apply --confirm-within and by the boot hook: waits for the deadline and reverts the held change unless it was confirmed.",
            options: [],
            forms: [[.globalOptions, .word("watch-confirmation")]],
            exitStatuses: [(0, "confirmed, or reverted at the deadline"), (1, "the revert failed"), usageError],
            isInternal: true),
    ]

    /// The command named by `words` (`["simulate", "probe"]`).
    static func command(_ name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    /// The option called `name`: global, or of `command`.
    static func option(_ name: String, of command: CommandSpec?) -> OptionSpec? {
        global.first { $0.name == name } ?? command?.option(name)
    }

    /// Every command that takes option `name`, for "--json goes with plan, apply, …".
    static func commands(taking name: String) -> [String] {
        commands.filter { !$0.isInternal && $0.option(name) != nil }.map(\.name)
    }
}
