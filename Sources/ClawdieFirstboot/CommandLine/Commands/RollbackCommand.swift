import FirstbootEngine

/// `rollback`: undoes completed steps in reverse order from their recorded before-state —
/// all of them, one phase (`--phase`), or those completed after a step (`--to`).
enum RollbackCommand {
    static func run(_ invocation: Invocation, output: Output) throws -> ExitStatus {
        let context = try ToolContext(invocation, changesHost: true)
        let target: RollbackTarget
        if let step = invocation.rollbackTo {
            guard context.engine.knownStepIDs.contains(step) else {
                throw UsageError(message: "unknown step \(step); the steps are \(context.engine.steps.map(\.id).joined(separator: ", "))", command: "rollback")
            }
            target = .after(step: step)
        } else if let phase = invocation.rollbackPhase {
            target = .phase(phase)
        } else {
            target = .everything
        }
        let log = context.observe(invocation, output: output, command: (["rollback"] + (invocation.rollbackTo.map { ["--to", $0.name] } ?? [])
            + (invocation.rollbackPhase.map { ["--phase", $0.name] } ?? [])).joined(separator: " "))
        let report: RollbackReport
        do {
            report = try context.engine.rollback(target)
        } catch {
            log.failed(error)
            throw error
        }
        log.note(report.undone.isEmpty ? "rollback: nothing to roll back" : "rollback: undone \(report.undone.joined(separator: ", "))")
        for warning in report.warnings { output.err("clawdie-firstboot: warning: \(warning)") }
        output.out(report.undone.isEmpty ? "nothing to roll back" : "rolled back: \(report.undone.joined(separator: ", "))")
        return .success
    }
}
