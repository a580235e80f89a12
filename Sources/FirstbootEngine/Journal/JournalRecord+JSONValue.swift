extension JournalRecord {
    /// Decodes one journal line (without its newline): the journal's one reader, over the
    /// project's JSON parser, which refuses a key given twice (`JSONDecoder` would keep one of
    /// the values silently). Members it does not use are ignored, as older readers ignored
    /// `time_ms` and `started_ms` before those existed.
    ///
    /// - Throws: `JournalFormatError` for a newer format, an unknown type or an unusable
    ///   change; `JSONParseError` or `JSONShapeError` for anything else that is not a record.
    package init(jsonLine: some Collection<UInt8>) throws {
        let c = try JSONFields(JSONValue.parse(jsonLine))
        let version = try c.int(Key.v.rawValue)
        if version > Self.formatVersion {
            throw JournalFormatError.newerVersion(version)
        }
        seq = try c.int(Key.seq.rawValue)
        time = try c.int64(Key.time.rawValue)
        guard let inMilliseconds = Self.milliseconds(wholeSeconds: time) else {
            throw JSONShapeError(path: Key.time.rawValue, expected: "seconds since the epoch that fit in milliseconds")
        }
        timeMilliseconds = try c.optionalInt64(Key.timeMilliseconds.rawValue) ?? inMilliseconds
        startedMilliseconds = try c.optionalInt64(Key.startedMilliseconds.rawValue)
        let typeName = try c.string(Key.type.rawValue)
        guard let type = EventType(rawValue: typeName) else {
            throw JournalFormatError.unknownType(typeName)
        }
        let step = { () throws(JSONShapeError) in StepID(try c.string(Key.step.rawValue)) }
        switch type {
        case .runStarted:
            event = .runStarted(RunStart(
                command: try c.string(Key.command.rawValue),
                toolVersion: try c.string(Key.toolVersion.rawValue),
                settingsDigest: try c.string(Key.settingsDigest.rawValue),
                phases: try c.strings(Key.phases.rawValue).map(Phase.init),
                boot: try c.bool(Key.boot.rawValue)))
        case .stepBegun:
            event = .stepBegun(step: try step())
        case .changeRecorded:
            event = .changeRecorded(step: try step(), change: try ChangeRecordJSON(c.object(Key.change.rawValue)).record())
        case .changeUndone:
            event = .changeUndone(step: try step(), seq: try c.int(Key.undoneSeq.rawValue))
        case .stepDone:
            event = .stepDone(step: try step(), changes: try c.int(Key.changes.rawValue))
        case .stepFailed:
            event = .stepFailed(step: try step(), error: try c.string(Key.error.rawValue))
        case .stepUndone:
            event = .stepUndone(step: try step())
        case .confirmationRequested:
            event = .confirmationRequested(step: try step(), deadline: try c.int64(Key.deadline.rawValue))
        case .confirmed:
            event = .confirmed(step: try step())
        case .confirmationExpired:
            event = .confirmationExpired(step: try step())
        case .watcherFailed:
            event = .watcherFailed(step: try step(), error: try c.string(Key.error.rawValue))
        case .rollbackStarted:
            event = .rollbackStarted(steps: try c.strings(Key.steps.rawValue).map(StepID.init))
        case .runFinished:
            event = .runFinished(succeeded: try c.bool(Key.succeeded.rawValue), error: try c.optionalString(Key.error.rawValue))
        }
    }
}
