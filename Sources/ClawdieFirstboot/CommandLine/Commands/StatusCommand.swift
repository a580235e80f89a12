import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `status`: one line saying where the host stands, from the journal alone; `--json` for
/// scripts; `--wait` until the run settles (complete, failed or operator-needed), at most
/// `--timeout` seconds.
enum StatusCommand {
    static func run(_ invocation: Invocation, output: Output, clock: any EngineClock = SystemClock()) throws -> ExitStatus {
        let context = try ToolContext(invocation, changesHost: false)
        let deadline = clock.now() + (invocation.timeout ?? .infinity)
        while true {
            let (state, warnings) = try context.engine.state()
            // The configured phases, and any other phase something has been done in.
            var phases = context.phases(invocation)
            if invocation.phases.isEmpty {
                for step in context.engine.steps where !phases.contains(step.phase) && state.status(of: step.id) != .pending {
                    phases.append(step.phase)
                }
            }
            let status = HostStatus(runState: state, steps: context.engine.steps, phases: phases,
                                    bootRetryLimit: context.settings.bootRetryLimit,
                                    lockHolder: RunLock.currentHolder(stateDirectory: context.stateDirectory), now: clock.now(),
                                    watcherRunning: ConfirmationWatcher.isRunning(stateDirectory: context.stateDirectory))
            if !invocation.wait || status.isSettled || clock.now() >= deadline {
                for warning in warnings { output.err("clawdie-firstboot: warning: \(warning)") }
                if invocation.json {
                    try output.json(StatusJSON(status))
                } else {
                    output.out(status.line)
                }
                if invocation.wait && !status.isSettled {
                    output.err("clawdie-firstboot: status --wait timed out after \(Int(invocation.timeout ?? 0)) s; the run has not settled")
                    return .failure
                }
                return invocation.wait && status.state != .complete ? .failure : .success
            }
            clock.sleep(seconds: min(1, max(0, deadline - clock.now())))
        }
    }

    struct StatusJSON: Encodable {
        struct Step: Encodable { var id, phase, state: String }
        var formatVersion = 1
        var state: String
        var message: String
        var failedBoots: Int
        var steps: [Step]

        init(_ status: HostStatus) {
            state = status.state.rawValue
            message = status.message
            failedBoots = status.failedBoots
            steps = status.steps.map { Step(id: $0.id, phase: $0.phase, state: $0.state) }
        }

        enum CodingKeys: String, CodingKey {
            case formatVersion = "format_version", state, message, failedBoots = "failed_boots", steps
        }
    }
}
