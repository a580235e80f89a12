import FirstbootEngine
@testable import ClawdieFirstboot

/// What the end-to-end tests expect of a phase on the simulated cloud VM, derived from
/// `PlatformSteps`: a step added to the registry moves these counts, lists and orders, not
/// each test's literals.
struct RegistryPhase {
    var name: Phase
    /// The phase's step ids in the order they run.
    var ids: [StepID]

    init(_ name: Phase, steps: [any Step] = PlatformSteps.all(Settings())) throws {
        self.name = name
        ids = try Scheduler.order(steps, phases: [name]).map(\.id)
    }

    static func firstboot() throws -> RegistryPhase { try RegistryPhase("firstboot") }

    /// Every step id of every phase, in declaration order, as `rollback --to` lists them.
    static var allStepIDs: [StepID] { PlatformSteps.all(Settings()).map(\.id) }

    var count: Int { ids.count }
    /// The steps an apply on a fresh host changes: all but detect-ext-if, which only observes.
    var changing: [StepID] { ids.filter { $0 != .detectExternalInterface } }
    /// Rollback undoes the steps in reverse order.
    var rollbackOrder: [StepID] { ids.reversed() }

    /// `status`'s count: `N/M steps of PHASE done`.
    func done(_ count: Int) -> String { "\(count)/\(self.count) steps of \(name) done" }

    /// The progress lines of an apply on a fresh host, without their timestamps.
    var progress: [String] {
        ids.enumerated().flatMap { index, id in
            let counter = "[\(index + 1)/\(count)] \(id)"
            return ["\(counter) ...", "\(counter): \(changing.contains(id) ? "applied" : "unchanged")"]
        }
    }
}
