import FirstbootEngine
import Foundation
import TestSupport
@testable import ClawdieFirstboot
@testable import FreeBSDHost

/// Runs one matrix case through every check and returns what it found.
struct MatrixRunner {
    struct Outcome {
        var findings: [String] = []
        var crashPoints = 0
        var faults = 0
        var refused = false
        var applies = false
    }

    var matrixCase: MatrixCase
    /// Which crash points and faults to try, by index: all of them, or a deterministic sample.
    var sample: MatrixSample

    func run() throws -> Outcome {
        var outcome = Outcome()
        let base = try startingHost(&outcome)
        guard let base else { return outcome }
        let ports = try sshPorts()
        let before = try base.facts()
        let recordsBefore = base.journalRecords()

        // A refusal the plan can tell changes nothing when applied.
        let planned: Plan
        do {
            planned = try base.plan()
        } catch {
            outcome.refused = true
            let applied = try base.copy()
            do {
                try applied.apply()
                outcome.findings.append("plan refuses (\(error)) but apply succeeds")
            } catch {}
            if try applied.facts() != before { outcome.findings.append("a refused apply changed the host") }
            return outcome
        }
        _ = planned

        // The uninterrupted run, and what convergence means after it.
        let reference = try base.copy()
        do {
            try reference.apply()
        } catch {
            // Refused only once earlier steps ran (a tailnet that rejects or never runs):
            // the management path must be open, the next apply must fail the same way.
            outcome.refused = true
            if let closed = ManagementPath.closed(on: try reference.simulated(), sshPorts: ports) {
                outcome.findings.append("after the failed apply (\(error)): \(closed)")
            }
            return outcome
        }
        outcome.applies = true
        let expected = try reference.facts()
        try checkConverged(reference, "after apply", &outcome)
        let rebooted = try reference.copy()
        try rebooted.reboot()
        try checkConverged(rebooted, "after a reboot", &outcome)
        // What runs is what the host boots to: a reboot changes nothing apply set up. What a
        // reboot changes on the host before the run (the firstboot sentinel goes, a VM's tap
        // interface is not re-created) it may change here too.
        let rebootedBase = try base.copy()
        try rebootedBase.reboot()
        let volatile = MatrixHost.differences(before, try rebootedBase.facts())
        for (path, change) in MatrixHost.differences(expected, try rebooted.facts()).sorted(by: { $0.key < $1.key })
        where volatile[path] == nil {
            outcome.findings.append("a reboot after apply changes \(path): \(change)")
        }
        if let closed = ManagementPath.closed(on: try rebooted.simulated(), sshPorts: ports) {
            outcome.findings.append("after apply and a reboot: \(closed)")
        }
        try rebooted.apply(boot: true)
        try checkConverged(rebooted, "after apply --boot", &outcome)
        let expectedAfterBoot = try rebooted.facts()

        // Crash at every durable event, then resume two ways.
        let points = reference.journalRecords() - recordsBefore
        var hostBeforeStep: [StepID: MatrixHost] = [:]
        let stepBegun = try stepBegunPoints(reference, from: recordsBefore)
        for point in 1...points where sample.includes(point, of: points) || stepBegun.values.contains(point) {
            outcome.crashPoints += 1
            let crashed = try base.copy()
            do {
                try crashed.apply(crashAfter: point)
                outcome.findings.append("crash point \(point): the run did not stop")
                continue
            } catch is SimulatedCrash {}
            if let step = stepBegun.first(where: { $0.value == point })?.key { hostBeforeStep[step] = try crashed.copy() }
            if let closed = ManagementPath.closed(on: try crashed.simulated(), sshPorts: ports) {
                outcome.findings.append("crash point \(point): \(closed)")
            }
            let resumed = try crashed.copy()
            do {
                try resumed.apply()
                if try resumed.facts() != expected { outcome.findings.append("crash point \(point): apply resumed to other facts than an uninterrupted run") }
                try checkConverged(resumed, "crash point \(point), resumed", &outcome)
            } catch {
                outcome.findings.append("crash point \(point): resume failed: \(error)")
            }
            try crashed.reboot()
            if let closed = ManagementPath.closed(on: try crashed.simulated(), sshPorts: ports) {
                outcome.findings.append("crash point \(point), after a reboot: \(closed)")
            }
            do {
                try crashed.apply(boot: true)
                if try crashed.facts() != expectedAfterBoot {
                    outcome.findings.append("crash point \(point): apply --boot after a reboot resumed to other facts than an uninterrupted run")
                }
            } catch {
                outcome.findings.append("crash point \(point): apply --boot after a reboot failed: \(error)")
            }
        }

        // Every mutating command failing in turn.
        for (index, fault) in try mutatingCommands(reference, from: recordsBefore).enumerated() where sample.includes(index, of: Int.max) {
            outcome.faults += 1
            try checkFault(fault, base: base, expected: expected, beforeStep: hostBeforeStep[fault.step], ports: ports, &outcome)
        }
        return outcome
    }

    /// The host the case starts from: fresh, or converged on the `from` site. Nil when the
    /// `from` site does not apply to this profile (the pair is then not a case).
    private func startingHost(_ outcome: inout Outcome) throws -> MatrixHost? {
        let scratch = try TemporaryDirectory.keptUntilExit()
        var host = MatrixHost(profilePath: matrixCase.profilePath, configPath: matrixCase.fromPath ?? matrixCase.sitePath,
                              stateDirectory: scratch + "/state")
        if matrixCase.from != nil {
            do { try host.apply() } catch { return nil }
        }
        host.configPath = matrixCase.sitePath
        return host
    }

    /// The SSH ports sshd may be on during the case: the old site's and the new site's.
    private func sshPorts() throws -> Set<UInt16> {
        var ports: Set<UInt16> = [try Settings.load(path: matrixCase.sitePath, mustExist: true).sshPort]
        if let from = matrixCase.fromPath { ports.insert(try Settings.load(path: from, mustExist: true).sshPort) }
        return ports
    }

    private func checkConverged(_ host: MatrixHost, _ when: String, _ outcome: inout Outcome) throws {
        do {
            let plan = try host.plan()
            let pending = plan.steps.filter { $0.action != .noop }.map(\.id)
            if !pending.isEmpty { outcome.findings.append("\(when): plan is not empty: \(pending.joined(separator: ", "))") }
        } catch {
            outcome.findings.append("\(when): plan fails: \(error)")
        }
    }

    /// For each step the reference run began, the crash point right after its `step-begun`:
    /// the host there is the host before the step.
    private func stepBegunPoints(_ reference: MatrixHost, from first: Int) throws -> [StepID: Int] {
        var points: [StepID: Int] = [:]
        for (offset, record) in try reference.context().engine.openJournal().records.dropFirst(first).enumerated() {
            if case .stepBegun(let step) = record.event { points[step] = offset + 1 }
        }
        return points
    }

    struct Fault {
        var step: StepID
        var argv: [String]
        /// The commands of its step before it whose undo leaves them in place (`pkg bootstrap`:
        /// the package manager stays): what an undone step may leave behind.
        var kept: [[String]]
    }

    /// The commands the reference run made as changes: the mutating ones.
    private func mutatingCommands(_ reference: MatrixHost, from first: Int) throws -> [Fault] {
        var faults: [Fault] = []
        var kept: [StepID: [[String]]] = [:]
        for record in try reference.context().engine.openJournal().records.dropFirst(first) {
            if case .changeRecorded(let step, let change) = record.event, case .command(let argv) = change.target {
                if !faults.contains(where: { $0.argv == argv }) {
                    faults.append(Fault(step: step, argv: argv, kept: kept[step] ?? []))
                }
                if change.prior == .command(.nothing) { kept[step, default: []].append(argv) }
            }
        }
        return faults
    }

    /// The host before a step with the step's kept commands run on it: as an undone step
    /// leaves it.
    private static func keeping(_ kept: [[String]], on host: MatrixHost) throws -> String? {
        guard !kept.isEmpty else { return nil }
        let copy = try host.copy()
        let simulated = try copy.simulated()
        for argv in kept { _ = try simulated.run(Command(argv)) }
        return try copy.facts()
    }

    /// The command failing once: the host is as before its step, the management path open
    /// (also after a reboot), and the next clean apply completes to the uninterrupted facts.
    private func checkFault(_ fault: Fault, base: MatrixHost, expected: String, beforeStep: MatrixHost?, ports: Set<UInt16>,
                            _ outcome: inout Outcome) throws {
        let what = "`\(Command.display(fault.argv))` failing"
        let start = try base.facts()
        let host = try base.copy().faulted(ProfileFault(argv: fault.argv, exitStatus: 1, stderr: "injected failure\n"))
        do {
            try host.apply()
            outcome.findings.append("\(what): apply succeeded")
            return
        } catch {}
        // As before the step, or as before the run when the failing command is also one a
        // step observes with and the run was refused before its first change. The host is
        // read without the fault, which `facts` would otherwise record too.
        let clean = try host.rebound(to: base.profilePath)
        let after = try clean.facts()
        if let beforeStep, try after != beforeStep.facts(), after != start, try after != Self.keeping(fault.kept, on: beforeStep) {
            outcome.findings.append("\(what): the host is not as before \(fault.step)")
        }
        _ = try clean.faulted(ProfileFault(argv: fault.argv, exitStatus: 1, stderr: "injected failure\n"))
        if let closed = ManagementPath.closed(on: try host.simulated(), sshPorts: ports) { outcome.findings.append("\(what): \(closed)") }
        let rebooted = try host.copy()
        try rebooted.reboot()
        if let closed = ManagementPath.closed(on: try rebooted.simulated(), sshPorts: ports) {
            outcome.findings.append("\(what), after a reboot: \(closed)")
        }
        do {
            let clean = try host.rebound(to: base.profilePath)
            try clean.apply()
            if try clean.facts() != expected { outcome.findings.append("\(what): the next apply completed to other facts") }
        } catch {
            outcome.findings.append("\(what): the next clean apply failed: \(error)")
        }
    }
}
