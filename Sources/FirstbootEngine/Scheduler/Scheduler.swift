/// Orders steps like rcorder orders rc.d scripts: by declared requirements, phase by phase,
/// with ties broken by declaration order so the same steps always give the same order.
package enum Scheduler {
    /// The steps of `phases` (all phases when nil) in the order they must run.
    ///
    /// Phases run in the order they are first declared. A requirement on a step of an
    /// earlier phase that is not selected is left for the run to check against the journal.
    /// - Throws: `SchedulerError` for an unknown requirement, a requirement on a later phase,
    ///   a duplicate id or a cycle (with its full path).
    package static func order(_ steps: [any Step], phases: [Phase]? = nil) throws(SchedulerError) -> [any Step] {
        var index: [StepID: Int] = [:]
        for (position, step) in steps.enumerated() {
            if index[step.id] != nil { throw .duplicateStep(step.id) }
            index[step.id] = position
        }
        let phaseOrder = declaredPhases(steps)
        if let phases {
            for phase in phases where !phaseOrder.contains(phase) {
                throw .unknownPhase(phase, known: phaseOrder)
            }
        }
        for step in steps {
            for requirement in step.requires {
                guard let position = index[requirement] else {
                    throw .unknownRequirement(step: step.id, requirement: requirement)
                }
                let required = steps[position]
                if phaseOrder.firstIndex(of: required.phase)! > phaseOrder.firstIndex(of: step.phase)! {
                    throw .laterPhase(step: step.id, requirement: requirement, phase: required.phase)
                }
            }
        }
        var ordered: [any Step] = []
        for phase in phaseOrder where phases?.contains(phase) ?? true {
            ordered += try orderPhase(steps.filter { $0.phase == phase }, index: index)
        }
        return ordered
    }

    /// Phases in the order their first step is declared.
    package static func declaredPhases(_ steps: [any Step]) -> [Phase] {
        var phases: [Phase] = []
        for step in steps where !phases.contains(step.phase) { phases.append(step.phase) }
        return phases
    }

    /// Kahn's algorithm within one phase, always taking the earliest-declared ready step.
    private static func orderPhase(_ steps: [any Step], index: [StepID: Int]) throws(SchedulerError) -> [any Step] {
        let members = Set(steps.map(\.id))
        var remaining = steps
        var done = Set<StepID>()
        var ordered: [any Step] = []
        while !remaining.isEmpty {
            guard let next = remaining.firstIndex(where: { step in
                step.requires.allSatisfy { !members.contains($0) || done.contains($0) }
            }) else {
                throw .cycle(findCycle(remaining, members: members))
            }
            let step = remaining.remove(at: next)
            done.insert(step.id)
            ordered.append(step)
        }
        return ordered
    }

    /// A cycle among steps none of which is ready, as a path that ends where it starts.
    private static func findCycle(_ blocked: [any Step], members: Set<StepID>) -> [StepID] {
        let byID = Dictionary(uniqueKeysWithValues: blocked.map { ($0.id, $0) })
        var path: [StepID] = []
        var current = blocked[0].id
        while !path.contains(current) {
            path.append(current)
            // Every blocked step waits on at least one blocked step of the same phase.
            current = byID[current]!.requires.first { members.contains($0) && byID[$0] != nil }!
        }
        return Array(path[path.firstIndex(of: current)!...]) + [current]
    }
}

/// Why steps cannot be ordered.
package enum SchedulerError: Error, Hashable, Sendable, CustomStringConvertible {
    case duplicateStep(StepID)
    case unknownRequirement(step: StepID, requirement: StepID)
    case laterPhase(step: StepID, requirement: StepID, phase: Phase)
    case unknownPhase(Phase, known: [Phase])
    case cycle([StepID])

    package var description: String {
        switch self {
        case .duplicateStep(let id):
            "two steps share the id \(id)"
        case .unknownRequirement(let step, let requirement):
            "step \(step) requires \(requirement), which is not a known step"
        case .laterPhase(let step, let requirement, let phase):
            "step \(step) requires \(requirement) of the later phase \(phase)"
        case .unknownPhase(let phase, let known):
            "unknown phase \(phase); the phases are: \(known.joined(separator: ", "))"
        case .cycle(let path):
            "steps require each other in a cycle: \(path.joined(separator: " -> "))"
        }
    }
}
