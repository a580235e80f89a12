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
        let progress = invocation.quiet ? nil : ProgressPrinter(clock: clock, terminal: output.errIsTerminal, write: output.writeErr)
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
                progress?.runFinished(error: nil, seconds: 0)
                for warning in warnings { output.err("clawdie-firstboot: warning: \(warning)") }
                let timings = invocation.json || invocation.long ? LastRunTimings(records: try context.engine.openJournal().records) : nil
                // Approval happens on the tailnet: once routes are advertised, ask the host.
                let routes = state.status(of: StepID.advertiseRoutes) == .done && !context.settings.advertisedNetworks.isEmpty
                    ? SubnetRouteStatus(settings: context.settings, host: context.host) : nil
                if invocation.json {
                    try output.json(StatusJSON(status, timings: timings, routes: routes))
                } else {
                    output.out(status.line)
                    if let routes { output.out(routes.line) }
                    if invocation.long { output.out(longText(status, timings), newline: false) }
                }
                if invocation.wait && !status.isSettled {
                    output.err("clawdie-firstboot: status --wait timed out after \(Int(invocation.timeout ?? 0)) s; the run has not settled")
                    return .failure
                }
                return invocation.wait && status.state != .complete ? .failure : .success
            }
            progress?.waiting(for: "the run to settle (\(status.line))", secondsLeft: deadline - clock.now())
            clock.sleep(seconds: min(1, max(0, deadline - clock.now())))
        }
    }

    /// The table of `status --long`: each step's state and its start, duration and outcome in
    /// the last run.
    static func longText(_ status: HostStatus, _ timings: LastRunTimings?) -> String {
        var lines: [String] = []
        if let timings {
            let ended = timings.durationMilliseconds.map { " in " + Timestamp.duration(Double($0) / 1000) } ?? ""
            let how = timings.succeeded.map { $0 ? "succeeded" : "failed" } ?? "did not finish"
            lines.append("last run: \(timings.command), started \(Timestamp.text(milliseconds: timings.startedMilliseconds)), \(how)\(ended)")
        } else {
            lines.append("last run: none")
        }
        let width = max(4, status.steps.map(\.id.name.count).max() ?? 0)
        func pad(_ text: String, _ count: Int) -> String { text + String(repeating: " ", count: max(0, count - text.count)) }
        lines.append("  " + pad("step", width) + "  " + pad("state", 9) + "  " + pad("start", 24) + "  " + pad("duration", 8) + "  outcome")
        for step in status.steps {
            let timing = timings?.steps[step.id]
            let start = timing?.startedMilliseconds.map { Timestamp.text(milliseconds: $0) } ?? "-"
            let duration = timing?.durationMilliseconds.map { Timestamp.duration(Double($0) / 1000) } ?? "-"
            let outcome = timing?.outcome ?? (timings == nil ? "-" : "not recorded (nothing to change)")
            lines.append("  " + pad(step.id.name, width) + "  " + pad(step.state, 9) + "  " + pad(start, 24) + "  " + pad(duration, 8) + "  " + outcome)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct StatusJSON: Encodable {
        struct Step: Encodable {
            var id: StepID
            var phase: Phase
            var state: String
            var lastRun: LastRunTimings.StepTiming?

            enum CodingKeys: String, CodingKey { case id, phase, state, lastRun = "last_run" }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id)
                try c.encode(phase, forKey: .phase)
                try c.encode(state, forKey: .state)
                try c.encode(lastRun.map(Timing.init), forKey: .lastRun)
            }
        }

        /// Start, duration and outcome, for a step or the whole run.
        struct Timing: Encodable {
            var startedMilliseconds: Int64?
            var durationMilliseconds: Int64?
            var outcome: String

            init(_ step: LastRunTimings.StepTiming) {
                startedMilliseconds = step.startedMilliseconds
                durationMilliseconds = step.durationMilliseconds
                outcome = step.outcome
            }

            init(_ run: LastRunTimings) {
                startedMilliseconds = run.startedMilliseconds
                durationMilliseconds = run.durationMilliseconds
                outcome = run.succeeded.map { $0 ? "succeeded" : "failed" } ?? "unfinished"
            }

            enum CodingKeys: String, CodingKey {
                case startedMilliseconds = "started_ms", durationMilliseconds = "duration_ms", outcome
            }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(startedMilliseconds, forKey: .startedMilliseconds)
                try c.encode(durationMilliseconds, forKey: .durationMilliseconds)
                try c.encode(outcome, forKey: .outcome)
            }
        }

        var formatVersion = 1
        var state: String
        var message: String
        var failedBoots: Int
        var steps: [Step]
        var lastRunCommand: String?
        var lastRun: Timing?
        struct Route: Encodable { var network, state: String }
        var subnetRoutes: [Route]?

        init(_ status: HostStatus, timings: LastRunTimings?, routes: SubnetRouteStatus? = nil) {
            state = status.state.rawValue
            message = status.message
            failedBoots = status.failedBoots
            steps = status.steps.map { Step(id: $0.id, phase: $0.phase, state: $0.state, lastRun: timings?.steps[$0.id]) }
            lastRunCommand = timings?.command
            lastRun = timings.map(Timing.init)
            subnetRoutes = routes?.routes.map { Route(network: $0.network, state: $0.state) }
        }

        enum CodingKeys: String, CodingKey {
            case formatVersion = "format_version", state, message, failedBoots = "failed_boots", steps, lastRunCommand = "last_run_command", lastRun = "last_run"
            case subnetRoutes = "subnet_routes"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(formatVersion, forKey: .formatVersion)
            try c.encode(state, forKey: .state)
            try c.encode(message, forKey: .message)
            try c.encode(failedBoots, forKey: .failedBoots)
            try c.encode(steps, forKey: .steps)
            try c.encode(lastRunCommand, forKey: .lastRunCommand)
            try c.encode(lastRun, forKey: .lastRun)
            try c.encodeIfPresent(subnetRoutes, forKey: .subnetRoutes)
        }
    }
}
