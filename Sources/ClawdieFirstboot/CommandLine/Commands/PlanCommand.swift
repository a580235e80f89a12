import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `plan`: what `apply` would do, without doing it. Exit 0 when nothing is to be done, 2 when
/// changes are pending.
enum PlanCommand {
    static func run(_ invocation: Invocation, output: Output) throws -> ExitStatus {
        let context = try ToolContext(invocation, changesHost: false)
        let plan = try context.engine.plan(phases: context.phases(invocation))
        if invocation.json {
            try output.json(PlanJSON(plan))
        } else {
            output.out(PlanText(colour: output.colour).render(plan), newline: false)
        }
        return plan.hasChanges ? .changesPending : .success
    }
}
