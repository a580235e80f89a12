import FirstbootEngine

/// A step whose whole work is an rc.d service enabled at boot (`NAME_enable=YES` in rc.conf,
/// with any other keys it wants) and started now: the changes and the verification follow
/// from the service's name. Stopping it is the undo, with `onestop` because rollback may
/// already have removed the enable key.
protocol EnablesService: Step {
    /// The rc.d script's name, as `service NAME start` takes it.
    var service: String { get }
    /// rc.conf keys besides `NAME_enable=YES`, set in this order after it.
    var serviceKeys: [(key: String, value: String)] { get }
    /// Whether the service runs now; `service NAME status` unless the step knows better.
    func serviceRunning(in context: StepContext) throws -> Bool
}

extension EnablesService {
    var serviceKeys: [(key: String, value: String)] { [] }

    func serviceRunning(in context: StepContext) throws -> Bool {
        try HostObserver(host: context.host).run([FreeBSDPaths.service, service, "status"]).succeeded
    }

    func changes(in context: StepContext) throws -> [Change] {
        var changes = try RCConfKeys.changes([("\(service)_enable", "YES")] + serviceKeys, on: context.host)
        if try !serviceRunning(in: context) {
            changes.append(.run(argv: [FreeBSDPaths.service, service, "start"],
                                undo: .commandUnlessUndone([FreeBSDPaths.service, service, "onestop"], alreadyUndone: "not running")))
        }
        return changes
    }

    // `service … start` exits 0 even when it did nothing, so its status is not trusted.
    func verify(in context: StepContext) throws {
        guard try serviceRunning(in: context) else {
            throw StepRefusal("`service \(service) status` says \(service) is not running")
        }
    }
}
