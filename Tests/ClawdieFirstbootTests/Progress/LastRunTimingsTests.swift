import FirstbootEngine
import Testing
@testable import ClawdieFirstboot

@Suite struct LastRunTimingsTests {
    static let start = RunStart(command: "apply", toolVersion: "t", settingsDigest: "d", phases: ["firstboot"], boot: true)

    @Test func eachStepOfTheLastRunHasItsStartDurationAndOutcome() throws {
        let records = [
            JournalRecord(seq: 0, time: 1_700_000_000, event: .runStarted(Self.start)),
            JournalRecord(seq: 1, time: 1_700_000_001, event: .stepDone(step: "old", changes: 1)),
            JournalRecord(seq: 2, time: 1_700_000_002, event: .runFinished(succeeded: true, error: nil)),
            JournalRecord(seq: 3, timeMilliseconds: 1_800_000_000_000, event: .runStarted(Self.start)),
            JournalRecord(seq: 4, timeMilliseconds: 1_800_000_000_010, startedMilliseconds: 1_800_000_000_002, event: .stepDone(step: "detect-ext-if", changes: 0)),
            JournalRecord(seq: 5, timeMilliseconds: 1_800_000_000_020, event: .stepBegun(step: "create-bridge")),
            JournalRecord(seq: 6, timeMilliseconds: 1_800_000_000_400, startedMilliseconds: 1_800_000_000_011, event: .stepDone(step: "create-bridge", changes: 3)),
            JournalRecord(seq: 7, timeMilliseconds: 1_800_000_000_500, event: .stepBegun(step: "enable-pf")),
            JournalRecord(seq: 8, timeMilliseconds: 1_800_000_002_000, startedMilliseconds: 1_800_000_000_401, event: .stepFailed(step: "enable-pf", error: "x")),
            JournalRecord(seq: 9, timeMilliseconds: 1_800_000_002_100, event: .runFinished(succeeded: false, error: "x")),
        ]
        let timings = try #require(LastRunTimings(records: records))
        #expect(timings.command == "apply" && timings.succeeded == false && timings.durationMilliseconds == 2100)
        #expect(timings.steps["old"] == nil)
        #expect(timings.steps["detect-ext-if"] == .init(startedMilliseconds: 1_800_000_000_002, durationMilliseconds: 8, outcome: "unchanged"))
        #expect(timings.steps["create-bridge"] == .init(startedMilliseconds: 1_800_000_000_011, durationMilliseconds: 389, outcome: "applied"))
        #expect(timings.steps["enable-pf"] == .init(startedMilliseconds: 1_800_000_000_401, durationMilliseconds: 1599, outcome: "failed"))
    }

    @Test func aJournalFromBeforeStepStartsTimesChangedStepsFromStepBegunAndAnInterruptedRunHasNoEnd() throws {
        let records = [
            JournalRecord(seq: 0, time: 1_700_000_000, event: .runStarted(Self.start)),
            JournalRecord(seq: 1, time: 1_700_000_001, event: .stepDone(step: "detect-ext-if", changes: 0)),
            JournalRecord(seq: 2, time: 1_700_000_001, event: .stepBegun(step: "create-bridge")),
            JournalRecord(seq: 3, time: 1_700_000_004, event: .stepDone(step: "create-bridge", changes: 2)),
            JournalRecord(seq: 4, time: 1_700_000_004, event: .stepBegun(step: "enable-pf")),
        ]
        let timings = try #require(LastRunTimings(records: records))
        #expect(timings.succeeded == nil && timings.durationMilliseconds == nil)
        #expect(timings.steps["detect-ext-if"] == .init(startedMilliseconds: nil, durationMilliseconds: nil, outcome: "unchanged"))
        #expect(timings.steps["create-bridge"] == .init(startedMilliseconds: 1_700_000_001_000, durationMilliseconds: 3000, outcome: "applied"))
        #expect(timings.steps["enable-pf"]?.outcome == "interrupted")
    }

    @Test func nothingHasRun() {
        #expect(LastRunTimings(records: []) == nil)
    }
}
