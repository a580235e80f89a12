import FirstbootEngine
import Foundation
@testable import ClawdieFirstboot
@testable import FreeBSDHost

/// One simulated host of the safety matrix, driven in-process: every call builds its context
/// afresh from the files in the state directory, as a new process of the tool would, so a
/// crash (a thrown `SimulatedCrash`) leaves exactly what a killed process leaves.
struct MatrixHost {
    var profilePath: String
    var configPath: String
    var stateDirectory: String

    /// The context a command of the tool would build.
    func context(_ verb: Invocation.Verb = .apply, config: String? = nil) throws -> ToolContext {
        try ToolContext(Invocation(verb: verb, configPath: config ?? configPath, stateDirectory: stateDirectory, hostProfile: profilePath),
                        changesHost: verb != .plan)
    }

    /// `apply` of the configured phases (or `phases`), with the confirmation the configuration
    /// asks for but no watcher process (the confirmation dimension runs the binary).
    @discardableResult
    func apply(phases: [String]? = nil, boot: Bool = false, crashAfter point: Int? = nil, config: String? = nil) throws -> ApplyReport {
        var context = try context(config: config)
        let phases = phases ?? context.settings.bootPhases
        if let point {
            let engine = context.engine
            context.engine = Engine(steps: engine.steps, host: engine.host, stateDirectory: engine.stateDirectory, toolVersion: engine.toolVersion,
                                    settingsDigest: engine.settingsDigest, failPoint: .throwing(afterWrite: point))
        }
        let window = context.settings.lockdownConfirmWithin
        let confirm = window > 0 && phases.contains(Phase.lockdown) ? ConfirmationRequest(step: LockdownPF.stepID, seconds: Double(window)) : nil
        return try context.engine.apply(phases: phases, boot: boot, confirm: confirm)
    }

    func plan(phases: [String]? = nil, config: String? = nil) throws -> Plan {
        let context = try context(.plan, config: config)
        return try context.engine.plan(phases: phases ?? context.settings.bootPhases)
    }

    /// The host as `facts` records it: what two runs are compared by. Process ids are left
    /// out: they say in which order daemons started (by rc at boot, or by a resumed apply
    /// after it), not how the host is configured.
    func facts() throws -> String {
        let context = try context(.facts)
        let text = String(decoding: try FactsCollector.collect(context, phases: context.phases(Invocation(verb: .facts))).encode(), as: UTF8.self)
        return text.replacing(#/(pid|PID) [0-9]+/#) { "\($0.output.1) N" }
    }

    func simulated() throws -> SimulatedHost {
        try SimulatedHost(profilePath: profilePath, stateDirectory: stateDirectory)
    }

    /// `simulate reboot` without the boot hook: the runtime state is lost and rc brings the
    /// host back from what it persisted.
    func reboot() throws {
        _ = try simulated().reboot()
    }

    /// The number of durable journal writes so far.
    func journalRecords() -> Int {
        guard let text = try? String(contentsOfFile: stateDirectory + "/journal.jsonl", encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").count
    }

    /// A copy of this host in another state directory, to try two ways on from one point.
    func copy() throws -> MatrixHost {
        let target = try Tool.scratch() + "/state"
        try FileManager.default.copyItem(atPath: stateDirectory, toPath: target)
        return MatrixHost(profilePath: profilePath, configPath: configPath, stateDirectory: target)
    }
}
