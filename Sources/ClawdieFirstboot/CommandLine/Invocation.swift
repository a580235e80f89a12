/// A parsed command line. Global options may stand before or after the verb.
struct Invocation: Equatable {
    enum Verb: String, CaseIterable {
        case plan, apply, status, rollback, confirm, facts, simulate
        /// Internal: the detached watcher that reverts an unconfirmed change at its deadline.
        case watchConfirmation = "watch-confirmation"
    }

    enum SimulateAction: Equatable {
        case reboot
        case probe(interface: String, proto: String, port: UInt16, source: String?)
    }

    var verb: Verb
    var configPath: String?
    var stateDirectory: String?
    var hostProfile: String?
    var phases: [String] = []
    var json = false
    var boot = false
    var wait = false
    var timeout: Double?
    var rollbackTo: String?
    var rollbackPhase: String?
    var output: String?
    var confirmWithin: Int?
    var simulate: SimulateAction?
}

/// A command line the tool cannot act on; printed with a pointer to `--help`.
struct UsageError: Error, Equatable, CustomStringConvertible {
    var message: String
    var description: String { "\(message); see clawdie-firstboot --help" }
}
