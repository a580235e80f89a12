import FirstbootEngine

/// A step whose whole work is creating and persisting cloned interfaces: the changes and the
/// verification follow from the list of interfaces.
protocol CreatesClonedInterfaces: Step {
    var interfaces: [ClonedInterface] { get }
}

extension CreatesClonedInterfaces {
    func changes(in context: StepContext) throws -> [Change] {
        let observer = HostObserver(host: context.host)
        var cloned = try ClonedInterface.clonedInterfaces(observer)
        var changes: [Change] = []
        for interface in interfaces {
            changes += try interface.changes(observer, cloned: &cloned)
        }
        return changes
    }

    func verify(in context: StepContext) throws {
        for interface in interfaces { try interface.verify(HostObserver(host: context.host)) }
    }
}
