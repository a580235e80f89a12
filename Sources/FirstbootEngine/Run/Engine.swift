#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The step engine: plans, applies, resumes and rolls back steps against a host, keeping the
/// journal in the state directory.
package final class Engine {
    package let steps: [any Step]
    package let host: any TargetHost
    package let stateDirectory: String
    package let toolVersion: String
    package let settingsDigest: String
    package let clock: any EngineClock
    package let failPoint: FailPoint?
    /// Told what `apply` is doing as it works (progress lines, the boot log); nil tells no one.
    package var observer: (any RunObserver)?
    /// The write and fsync calls of the journal's durable writes (a fault seam for tests).
    package let journalIO: any DurableIO
    /// Whether the process with this pid holds the run lock only for a moment (the platform's
    /// confirmation watcher): `apply`, `rollback` and a revert that meet it holding the lock
    /// wait for it, up to `lockWait` seconds, instead of failing. nil: no holder is waited for.
    package var holdsLockBriefly: (@Sendable (Int32) -> Bool)?

    /// The longest a command waits for a brief holder of the run lock (`confirm`: any holder).
    package static let lockWait = 10.0

    package init(
        steps: [any Step], host: any TargetHost, stateDirectory: String, toolVersion: String,
        settingsDigest: String, clock: any EngineClock = SystemClock(), failPoint: FailPoint? = nil,
        journalIO: any DurableIO = SystemIO.shared
    ) {
        self.steps = steps
        self.host = host
        self.stateDirectory = stateDirectory
        self.toolVersion = toolVersion
        self.settingsDigest = settingsDigest
        self.clock = clock
        self.failPoint = failPoint
        self.journalIO = journalIO
    }

    package var knownStepIDs: Set<StepID> { Set(steps.map(\.id)) }

    /// The run lock for `apply`, `rollback` or a revert: a brief holder is waited for, any
    /// other makes it throw `RunLockError` at once, naming the holder.
    func takeRunLock() throws -> RunLock {
        try RunLock.acquire(stateDirectory: stateDirectory, clock: clock, waitingUpTo: Self.lockWait) { [holdsLockBriefly] pid in
            guard let pid, let holdsLockBriefly else { return false }
            return holdsLockBriefly(pid)
        }
    }

    /// Reads the journal without changing anything.
    package func openJournal() throws -> Journal {
        try Journal(directory: stateDirectory, knownSteps: knownStepIDs, failPoint: failPoint, io: journalIO)
    }

    /// Where the host stands according to the journal, and the journal's warnings.
    package func state() throws -> (state: RunState, warnings: [String]) {
        let journal = try openJournal()
        return (RunState(records: journal.records), journal.warnings)
    }

    /// What `apply` would do for `phases` (all when nil), computed the same way.
    package func plan(phases: [Phase]? = nil) throws -> Plan {
        let journal = try openJournal()
        let state = RunState(records: journal.records)
        return try plan(try schedule(phases: phases, state: state), state: state, journal: journal)
    }

    /// Plans `ordered` against the host with the journal's `state`. A step in doubt is planned
    /// as apply will resume it: its interrupted application undone first, then its changes
    /// against the host as that undo leaves it. With `deferringReadiness`, a step refused only
    /// because something it waits for at apply time is not there yet counts as deferred.
    func plan(_ ordered: [any Step], state: RunState, journal: Journal, deferringReadiness: Bool = false) throws -> Plan {
        let planning = PlanningHost(over: host)
        var pending = Set<StepID>()
        var planned: [PlannedStep] = []
        // As in apply, a step sees the steps before it in the run as done: a later step that
        // renders what an earlier one set up (pf.conf's lockdown rules, the jail table) plans
        // the file that apply will write.
        var completed = state.completedSteps
        for step in ordered {
            defer { completed.insert(step.id) }
            var undo: [PlannedChange] = []
            if let interrupted = interruptedApplication(of: step, state: state) {
                for action in try undoActions(interrupted, of: step.id) {
                    if let change = try plannedChange(for: action, journal: journal) { undo.append(try plan(change, on: planning)) }
                }
                pending.insert(step.id)
            }
            let resumeNote = undo.isEmpty ? nil
                : "interrupted in an earlier run: apply first undoes the \(undo.count) change\(undo.count == 1 ? "" : "s") the journal recorded for it (listed as undo), then applies it afresh"
            let context = StepContext(host: planning, isPlanning: true, completedSteps: completed, clock: clock)
            do {
                try step.checkPreconditions(in: context)
            } catch let refusal as StepRefusal {
                let waitingOn = step.requires.first(where: pending.contains)
                    ?? (deferringReadiness && refusal.awaitsReadiness ? step.id : nil)
                guard let waitingOn else {
                    throw EngineError.preconditionFailed(step: step.id, message: refusal.message)
                }
                pending.insert(step.id)
                // What it would change can often be told already (a file it renders), and a
                // reviewer wants to see it; what cannot be told yet is left out.
                let changes = (try? step.changes(in: context)) ?? []
                let plannedChanges = try changes.map { try plan($0, on: planning) }
                let deferred = waitingOn == step.id ? "waited for at apply time: \(refusal.message)"
                    : "checked when \(waitingOn) has been applied: \(refusal.message)"
                planned.append(PlannedStep(id: step.id, phase: step.phase, action: undo.isEmpty ? .deferred : .resume,
                                           changes: plannedChanges, undo: undo,
                                           note: [resumeNote, deferred].compactMap { $0 }.joined(separator: "; ")))
                continue
            }
            let changes: [Change]
            do {
                changes = try step.changes(in: context)
            } catch let refusal as StepRefusal {
                throw EngineError.preconditionFailed(step: step.id, message: refusal.message)
            }
            // The summary speaks of the host before this step's own changes.
            let summary = try step.summary(in: context)
            let plannedChanges = try changes.map { try plan($0, on: planning) }
            if !changes.isEmpty { pending.insert(step.id) }
            let action: PlannedStep.Action = !undo.isEmpty ? .resume : changes.isEmpty ? .noop : .apply
            let note = [resumeNote, summary].compactMap { $0 }
            planned.append(PlannedStep(id: step.id, phase: step.phase, action: action, changes: plannedChanges, undo: undo,
                                       note: note.isEmpty ? nil : note.joined(separator: "; ")))
        }
        return Plan(steps: planned)
    }

    /// The steps of `phases` in order, after checking that requirements outside them are done.
    func schedule(phases: [Phase]?, state: RunState) throws -> [any Step] {
        let ordered: [any Step]
        do {
            ordered = try Scheduler.order(steps, phases: phases)
        } catch {
            throw EngineError.scheduling(error)
        }
        let selected = Set(ordered.map(\.id))
        let byID = Dictionary(uniqueKeysWithValues: steps.map { ($0.id, $0) })
        for step in ordered {
            for requirement in step.requires where !selected.contains(requirement) && state.status(of: requirement) != .done {
                // Not done by this journal, but the host may already be as the step wants it
                // (a host set up before, or a recorded profile): then it is satisfied.
                guard try isSatisfied(byID[requirement]!, state: state) else {
                    throw EngineError.requirementNotDone(step: step.id, requirement: requirement, phase: byID[requirement]!.phase)
                }
            }
        }
        return ordered
    }

    /// Whether the host already matches `step`: its preconditions hold and it wants no change.
    private func isSatisfied(_ step: any Step, state: RunState) throws -> Bool {
        let context = StepContext(host: host, isPlanning: true, completedSteps: state.completedSteps, clock: clock)
        do {
            try step.checkPreconditions(in: context)
            return try step.changes(in: context).isEmpty
        } catch is StepRefusal {
            return false
        }
    }

    /// Describes `change` against the planning host, then lays it over that host so that later
    /// steps plan against what the host will be.
    private func plan(_ change: Change, on planning: PlanningHost) throws -> PlannedChange {
        let described = try describe(change, on: planning)
        planning.apply(change)
        return described
    }

    private func describe(_ change: Change, on host: any TargetHost) throws -> PlannedChange {
        switch change {
        case .writeFile(let path, _, _, _, _), .removeFile(let path):
            var before: (Data, FileMode, FileOwner)?
            if let status = try host.stat(path), let data = try host.readFile(path) {
                before = (data, status.mode, status.owner)
            }
            return PlannedChange(change: change, fileBefore: before, keyBefore: nil)
        case .setKey(let file, let key, _), .unsetKey(let file, let key):
            return PlannedChange(change: change, fileBefore: nil, keyBefore: try host.readKey(key, inFile: file))
        case .run:
            return PlannedChange(change: change, fileBefore: nil, keyBefore: nil)
        }
    }
}
