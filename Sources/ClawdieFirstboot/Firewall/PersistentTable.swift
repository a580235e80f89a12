import FirstbootEngine
import FreeBSDHost

/// A `persist` table a step's rules declare. pf keeps such a table after the rules that
/// declared it are replaced, so the step that brings it in lists it as its last change and
/// kills it in the undo — the first act of its rollback, before the old rules come back.
struct PersistentTable {
    var name: String

    /// The last change of a step that loads rules declaring the table.
    var listing: Change {
        .run(argv: [FreeBSDPaths.pfctl, "-t", name, "-T", "show"],
             undo: .commandUnlessUndone([FreeBSDPaths.pfctl, "-t", name, "-T", "kill"], alreadyUndone: "Table does not exist"))
    }

    /// Throws unless pf's loaded table lists every one of `networks`.
    func requireLoaded(_ networks: [IPv4Network], observer: HostObserver) throws {
        let result = try observer.run([FreeBSDPaths.pfctl, "-t", name, "-T", "show"])
        let entries = result.succeeded ? result.stdoutText.split(separator: "\n").map { $0.trimmingWhitespace() } : []
        for network in networks where !entries.contains(network.description) {
            throw StepRefusal("`pfctl -t \(name) -T show` does not list \(network)")
        }
    }
}
