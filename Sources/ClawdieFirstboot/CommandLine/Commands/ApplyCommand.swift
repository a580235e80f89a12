import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `apply`: runs the pending steps, resuming an interrupted run. With `--boot` (the rc.d
/// hook) it exits at once when the boot phases are complete, and stops retrying after
/// `boot_retry_limit` failed boots.
enum ApplyCommand {
    static func run(_ invocation: Invocation, output: Output) throws -> ExitStatus {
        if invocation.confirmWithin != nil && invocation.phases.isEmpty {
            // Checked before anything is set up, so that the refusal changes nothing.
            let phases = try Settings.load(path: invocation.configPath ?? ToolContext.defaultConfigPath, mustExist: invocation.configPath != nil).bootPhases
            if !phases.contains(Phase.lockdown) && !phases.contains(Phase.subnet) {
                throw UsageError(message: "--confirm-within holds the lockdown phase's change, and this run has no lockdown phase (boot_phases is \(phases.joined(separator: " "))): add --phase lockdown",
                                 command: "apply")
            }
        }
        let context = try ToolContext(invocation, changesHost: true)
        let log = context.observe(invocation, output: output, command: (["apply"] + (invocation.boot ? ["--boot"] : []) + invocation.phases.map { "--phase \($0)" }).joined(separator: " "))
        do {
            return try run(invocation, context: context, log: log, output: output)
        } catch {
            log.failed(error)
            throw error
        }
    }

    private static func run(_ invocation: Invocation, context: ToolContext, log: BootLog, output: Output) throws -> ExitStatus {
        var phases = context.phases(invocation)
        if invocation.boot {
            switch try bootCheck(context, invocation: invocation, phases: &phases, log: log, output: output) {
            case .some(let status): return status
            case .none: break
            }
        }
        // The pf change held for confirmation: lockdown's, else the subnet phase's (expiry rolls
        // back the held step and every step completed after it).
        let held = phases.contains(Phase.lockdown) ? StepID.lockdownPF : phases.contains(Phase.subnet) ? StepID.subnetPF : nil
        let window = invocation.confirmWithin ?? (held == StepID.lockdownPF ? context.settings.lockdownConfirmWithin : 0)
        let confirm = window > 0 ? held.map { ConfirmationRequest(step: $0, seconds: Double(window)) } : nil
        // The watcher starts before the run, so that no instant exists at which the new rules
        // are loaded and nothing is watching their deadline.
        if confirm != nil { try ConfirmationWatcher.start(invocation, stateDirectory: context.stateDirectory) }
        let report = try context.engine.apply(phases: phases, boot: invocation.boot, confirm: confirm)
        for warning in report.warnings { output.err("clawdie-firstboot: warning: \(warning)") }
        if let step = report.awaitingConfirmation {
            output.err("clawdie-firstboot: \(step) is waiting for confirmation: run `clawdie-firstboot confirm` within \(window) s from an SSH session over the tailnet, or the change is reverted")
        }
        if invocation.json {
            let summary = ApplySummary(formatVersion: 1, applied: report.applied, unchanged: report.unchanged, resumed: report.resumed,
                                       awaitingConfirmation: report.awaitingConfirmation)
            try output.json(summary)
        } else {
            if !report.resumed.isEmpty { output.out("resumed: \(report.resumed.joined(separator: ", "))") }
            output.out(report.applied.isEmpty
                ? "nothing to do: \(report.unchanged.count) steps already match"
                : "applied: \(report.applied.joined(separator: ", ")) (\(report.unchanged.count) unchanged)")
        }
        return .success
    }

    /// What the boot hook does before running anything: revert a change whose confirmation
    /// deadline passed while the host was down, watch one that is still waiting, leave out a
    /// phase whose confirmation never came, exit at once when everything is complete, and
    /// stop after too many failed boots. Returns the exit status when the run ends here.
    private static func bootCheck(_ context: ToolContext, invocation: Invocation, phases: inout [Phase], log: BootLog, output: Output) throws -> ExitStatus? {
        if let reverted = try OverdueConfirmation.revert(context.engine, output: output) {
            log.note(reverted)
        }
        let (state, _) = try context.engine.state()
        if state.awaitingConfirmation != nil { try ConfirmationWatcher.start(invocation, stateDirectory: context.stateDirectory) }
        if state.expiredConfirmations.contains(StepID.lockdownPF), phases.contains(Phase.lockdown) {
            // Not retried at every boot: an operator reruns it with apply --phase lockdown.
            phases.removeAll { $0 == Phase.lockdown }
        }
        let status = HostStatus(runState: state, steps: context.engine.steps, phases: phases,
                                bootRetryLimit: context.settings.bootRetryLimit,
                                lockHolder: RunLock.currentHolder(stateDirectory: context.stateDirectory), now: SystemClock().now(),
                                watcherRunning: ConfirmationWatcher.isRunning(stateDirectory: context.stateDirectory))
        switch status.state {
        case .complete:
            log.note("nothing to do: \(status.message)")
            // Silent at boot; a script asking for JSON still gets a document.
            if invocation.json {
                let summary = ApplySummary(formatVersion: 1, applied: [], unchanged: status.steps.map(\.id), resumed: [],
                                           awaitingConfirmation: state.awaitingConfirmation?.step)
                try output.json(summary)
            }
            return .success
        case .operatorNeeded:
            output.err("clawdie-firstboot: not retrying: \(status.message)")
            log.note("not retrying: \(status.message)")
            return .failure
        default:
            return nil
        }
    }

    struct ApplySummary: Encodable {
        var formatVersion: Int
        var applied: [StepID]
        var unchanged: [StepID]
        var resumed: [StepID]
        var awaitingConfirmation: StepID?

        enum CodingKeys: String, CodingKey {
            case formatVersion = "format_version", applied, unchanged, resumed, awaitingConfirmation = "awaiting_confirmation"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(formatVersion, forKey: .formatVersion)
            try c.encode(applied, forKey: .applied)
            try c.encode(unchanged, forKey: .unchanged)
            try c.encode(resumed, forKey: .resumed)
            try c.encode(awaitingConfirmation, forKey: .awaitingConfirmation)
        }
    }
}
