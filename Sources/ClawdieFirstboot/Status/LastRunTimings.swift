import FirstbootEngine

/// Each step's start, duration and outcome in the last run, from the journal's millisecond
/// times — what `status --long` and `status --json` show, like `cloud-init analyze blame`.
struct LastRunTimings: Equatable {
    struct StepTiming: Equatable {
        /// Milliseconds since the epoch when the step began to be checked; nil when the journal
        /// does not say (records written before `started_ms`, for a step that changed nothing).
        var startedMilliseconds: Int64?
        /// nil while the step has not ended (the run stopped inside it) or when the start is unknown.
        var durationMilliseconds: Int64?
        /// `applied`, `unchanged`, `failed`, `undone` or `interrupted`.
        var outcome: String
    }

    /// `apply` or `rollback`.
    var command: String
    var startedMilliseconds: Int64
    /// nil while the run has not finished (running, or interrupted).
    var durationMilliseconds: Int64?
    var succeeded: Bool?
    /// By step id; a step the last run did not record (already done, nothing to change) is absent.
    var steps: [StepID: StepTiming]

    /// The last run in `records`; nil when nothing has run.
    init?(records: [JournalRecord]) {
        guard let start = records.lastIndex(where: { if case .runStarted = $0.event { true } else { false } }),
              case .runStarted(let run) = records[start].event else { return nil }
        command = run.command
        startedMilliseconds = records[start].timeMilliseconds
        steps = [:]
        var begun: [StepID: Int64] = [:]
        for record in records[start...].dropFirst() {
            switch record.event {
            case .stepBegun(let step):
                begun[step] = record.timeMilliseconds
                steps[step] = StepTiming(startedMilliseconds: record.startedMilliseconds ?? record.timeMilliseconds, outcome: "interrupted")
            case .stepDone(let step, let changes):
                end(step, record, outcome: changes > 0 || begun[step] != nil ? "applied" : "unchanged", begun: begun)
            case .stepFailed(let step, _):
                end(step, record, outcome: "failed", begun: begun)
            case .stepUndone(let step):
                steps[step] = StepTiming(startedMilliseconds: nil, durationMilliseconds: nil, outcome: "undone")
            case .runFinished(let ok, _):
                succeeded = ok
                durationMilliseconds = record.timeMilliseconds - startedMilliseconds
            default:
                break
            }
        }
    }

    private mutating func end(_ step: StepID, _ record: JournalRecord, outcome: String, begun: [StepID: Int64]) {
        let started = record.startedMilliseconds ?? begun[step]
        steps[step] = StepTiming(startedMilliseconds: started, durationMilliseconds: started.map { record.timeMilliseconds - $0 }, outcome: outcome)
    }
}
