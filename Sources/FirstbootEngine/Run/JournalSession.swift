/// The journal and the run state kept in step while a run writes records.
struct JournalSession {
    let journal: Journal
    let clock: any EngineClock
    private(set) var state: RunState
    /// When the step being applied began to be checked: recorded with its end.
    var stepStartedAt: Double?

    init(journal: Journal, clock: any EngineClock) {
        self.journal = journal
        self.clock = clock
        state = RunState(records: journal.records)
    }

    @discardableResult
    mutating func record(_ event: JournalEvent) throws -> JournalRecord {
        var startedAt: Double?
        switch event {
        case .stepDone, .stepFailed: startedAt = stepStartedAt
        default: break
        }
        let record = try journal.append(event, time: clock.now(), startedAt: startedAt)
        state.handle(record)
        return record
    }

    /// Runs the body of a run and records how it ended: `run-finished` with success, or
    /// with the error, which is rethrown. A simulated crash passes untouched, like a death.
    mutating func finishing(_ body: (inout JournalSession) throws -> Void) throws {
        do {
            try body(&self)
            try record(.runFinished(succeeded: true, error: nil))
        } catch let stop as any RunEndingError {
            throw stop
        } catch {
            try record(.runFinished(succeeded: false, error: String(describing: error)))
            throw error
        }
    }
}
