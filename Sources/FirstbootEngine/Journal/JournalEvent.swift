/// What happened, one record of the journal each.
package enum JournalEvent: Hashable, Sendable {
    /// A run began: the tool's version, a digest of its settings, what it was asked to do.
    case runStarted(RunStart)
    /// A step is about to change the host.
    case stepBegun(step: StepID)
    /// A change is about to be made; the record holds what it replaces.
    case changeRecorded(step: StepID, change: ChangeRecord)
    /// The change recorded as `seq` was undone.
    case changeUndone(step: StepID, seq: Int)
    /// The step's changes are all applied and verified (`changes` of them in this attempt).
    case stepDone(step: StepID, changes: Int)
    /// The step failed; its own partial changes were undone first.
    case stepFailed(step: StepID, error: String)
    /// Rollback undid every change of the step.
    case stepUndone(step: StepID)
    /// The step's change must be confirmed before `deadline` (seconds since the epoch), or it
    /// is reverted. Written before the step begins, so a run that dies inside it still leaves
    /// the deadline behind.
    case confirmationRequested(step: StepID, deadline: Int64)
    /// The operator confirmed the step's change: it stays.
    case confirmed(step: StepID)
    /// The deadline passed unconfirmed: the step is being reverted (rollback records follow).
    case confirmationExpired(step: StepID)
    /// The watcher of the step's confirmation deadline met an error it outlives (it keeps
    /// watching): written so that `status` can show why a revert is late.
    case watcherFailed(step: StepID, error: String)
    /// A rollback began, undoing the steps listed (latest first).
    case rollbackStarted(steps: [StepID])
    /// The run or rollback ended.
    case runFinished(succeeded: Bool, error: String?)

    /// The step a record concerns, if any: an id the binary must know.
    package var step: StepID? {
        switch self {
        case .stepBegun(let step), .changeRecorded(let step, _), .changeUndone(let step, _),
             .stepDone(let step, _), .stepFailed(let step, _), .stepUndone(let step),
             .confirmationRequested(let step, _), .confirmed(let step), .confirmationExpired(let step),
             .watcherFailed(let step, _):
            step
        case .runStarted, .rollbackStarted, .runFinished:
            nil
        }
    }
}

/// The facts a run starts with.
package struct RunStart: Hashable, Sendable {
    /// `apply` or `rollback`.
    package var command: String
    package var toolVersion: String
    package var settingsDigest: String
    package var phases: [Phase]
    /// True when started by the boot hook: boots are counted for the retry limit.
    package var boot: Bool

    package init(command: String, toolVersion: String, settingsDigest: String, phases: [Phase], boot: Bool) {
        self.command = command
        self.toolVersion = toolVersion
        self.settingsDigest = settingsDigest
        self.phases = phases
        self.boot = boot
    }
}

/// One line of the journal: the format version, a sequence number, a time and the event.
package struct JournalRecord: Hashable, Sendable {
    /// The newest journal format this binary writes and reads.
    package static let formatVersion = 1

    package var seq: Int
    /// Whole seconds since the Unix epoch.
    package var time: Int64
    /// The same instant in milliseconds (`time_ms`; a record written before it existed reads as
    /// `time` × 1000).
    package var timeMilliseconds: Int64
    /// For `step-done` and `step-failed`: when the step began to be checked (`started_ms`), so
    /// that its duration is known even when it changed nothing; nil in older records.
    package var startedMilliseconds: Int64?
    package var event: JournalEvent

    package init(seq: Int, time: Int64, event: JournalEvent) {
        self.init(seq: seq, timeMilliseconds: time * 1000, event: event)
    }

    package init(seq: Int, timeMilliseconds: Int64, startedMilliseconds: Int64? = nil, event: JournalEvent) {
        self.seq = seq
        time = timeMilliseconds >= 0 ? timeMilliseconds / 1000 : (timeMilliseconds - 999) / 1000
        self.timeMilliseconds = timeMilliseconds
        self.startedMilliseconds = startedMilliseconds
        self.event = event
    }

    /// Milliseconds since the epoch for a clock reading in seconds.
    package static func milliseconds(_ seconds: Double) -> Int64 { Int64((seconds * 1000).rounded(.down)) }

    /// A record's whole-second `time` in milliseconds (what a journal written before `time_ms`
    /// stands for), or nil when it does not fit: a damaged record, refused rather than trapped on.
    static func milliseconds(wholeSeconds seconds: Int64) -> Int64? {
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return overflow ? nil : product
    }
}
