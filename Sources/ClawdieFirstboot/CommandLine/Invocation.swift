import FirstbootEngine
import FreeBSDHost

/// A parsed command line. Global options may stand before or after the verb.
struct Invocation: Equatable {
    enum Verb: String, CaseIterable {
        case plan, apply, status, rollback, confirm, facts, probe, simulate
        /// Internal: the detached watcher that reverts an unconfirmed change at its deadline.
        case watchConfirmation = "watch-confirmation"
    }

    enum SimulateAction: Equatable {
        case reboot
        case probe(ProbeRequest)
        /// The tailnet's admin approves the advertised subnet routes.
        case approveRoutes
    }

    var verb: Verb
    var configPath: String?
    var stateDirectory: String?
    var hostProfile: String?
    var phases: [Phase] = []
    var json = false
    var quiet = false
    var long = false
    var boot = false
    var wait = false
    var timeout: Double?
    var rollbackTo: StepID?
    var rollbackPhase: Phase?
    var output: String?
    var confirmWithin: Int?
    var simulate: SimulateAction?
    /// `probe`'s question (`simulate probe` keeps it in `simulate`).
    var probe: ProbeRequest?
    /// `--help`: print the help of `helpCommand` (the tool's when nil) instead of running.
    var help = false
    var helpCommand: String?

    /// The command's name in `CommandTable`: `plan`, `simulate probe`.
    var commandName: String {
        switch (verb, simulate) {
        case (.simulate, .reboot?): "simulate reboot"
        case (.simulate, .probe?): "simulate probe"
        case (.simulate, .approveRoutes?): "simulate approve-routes"
        default: verb.rawValue
        }
    }
}

/// The packet `probe` asks about.
struct ProbeRequest: Equatable {
    var interface: String
    var proto: PFProtocol
    var port: UInt16
    var source: IPv4Address?
    /// `simulate probe --to`: the destination, followed through the host and back.
    var destination: IPv4Address?
    /// The ruleset file (`probe` only; default /etc/pf.conf).
    var rules: String?
}

/// A command line the tool cannot act on; printed with a pointer to the command's help.
struct UsageError: Error, Equatable, CustomStringConvertible {
    var message: String
    /// The command the line was for, when known: the pointer then names its help.
    var command: String?

    init(message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    var description: String { "\(message); see clawdie-firstboot \(command.map { $0 + " " } ?? "")--help" }
}
