import Foundation
import Testing
@testable import FirstbootEngine

/// Journal replay reads records with a hand-written decoder; it must read exactly what the
/// encoder writes, and refuse what the `Decodable` conformance refuses.
@Suite struct JournalRecordDecodingTests {
    static let changes: [ChangeRecord] = [
        ChangeRecord(target: .file("/etc/pf.conf"), prior: .fileAbsent, afterSHA256: "ab"),
        ChangeRecord(target: .file("/etc/pf.conf"), prior: .file(content: .inline(Data("x\n\u{1}é".utf8)), mode: 0o640, owner: FileOwner(uid: 0, gid: 5)), afterSHA256: "cd"),
        ChangeRecord(target: .file("/big"), prior: .file(content: .backup(sha256: "ef", size: 9000), mode: 0o555, owner: .root)),
        ChangeRecord(target: .key(file: "/etc/rc.conf", key: "pf_enable"), prior: .keyUnset, afterValue: "YES"),
        ChangeRecord(target: .key(file: "/etc/rc.conf", key: "ifconfig_vtnet0"), prior: .key("inet 10.0.0.2/24 \"quoted\"")),
        ChangeRecord(target: .command(["/sbin/pfctl", "-e"]), prior: .command(.command(["/sbin/pfctl", "-d"]))),
        ChangeRecord(target: .command(["/sbin/pfctl", "-e"]), prior: .command(.commandUnlessUndone(["/sbin/pfctl", "-d"], alreadyUndone: "pf not enabled"))),
        ChangeRecord(target: .command(["/sbin/pfctl", "-f", "/etc/pf.conf"]), prior: .command(.rerunAfterRestore)),
        ChangeRecord(target: .command(["/sbin/kldload", "pf"]), prior: .command(.nothing)),
        ChangeRecord(target: .command(["/usr/sbin/pkg", "install", "-y", "x"]), prior: .command(.irreversible("packages stay"))),
    ]

    static let events: [JournalEvent] = [
        .runStarted(RunStart(command: "apply", toolVersion: "1.2.3", settingsDigest: "0f", phases: ["firstboot", "lockdown"], boot: true)),
        .runStarted(RunStart(command: "rollback", toolVersion: "1.2.3", settingsDigest: "", phases: [], boot: false)),
        .stepBegun(step: "write-pf-conf"),
        .changeUndone(step: "enable-pf", seq: 7),
        .stepDone(step: "enable-pf", changes: 3),
        .stepFailed(step: "enable-pf", error: "pfctl -nf failed: line 3: syntax error\nsecond line"),
        .stepUndone(step: "enable-pf"),
        .confirmationRequested(step: "lockdown", deadline: 1_800_000_600),
        .confirmed(step: "lockdown"),
        .confirmationExpired(step: "lockdown"),
        .watcherFailed(step: "lockdown", error: "/usr/local/etc/clawdie-firstboot.conf:3: unknown key sshport"),
        .rollbackStarted(steps: ["b", "a"]),
        .runFinished(succeeded: true, error: nil),
        .runFinished(succeeded: false, error: "a step failed"),
    ] + changes.map { .changeRecorded(step: "s", change: $0) }

    @Test(arguments: events)
    func everyRecordKindTheEncoderWritesDecodesToTheSameValue(event: JournalEvent) throws {
        let written = JournalRecord(seq: 12, time: 1_800_000_000, event: event)
        let line = try JSONCoding.line(written)
        #expect(try JournalRecord(jsonLine: line) == written)
        #expect(try JournalRecord(jsonLine: line) == JSONCoding.decoder().decode(JournalRecord.self, from: line))
    }

    @Test func millisecondTimesAndStepStartsRoundTripThroughBothReaders() throws {
        let written = JournalRecord(seq: 3, timeMilliseconds: 1_800_000_000_457, startedMilliseconds: 1_800_000_000_120,
                                    event: .stepDone(step: "enable-pf", changes: 2))
        let line = try JSONCoding.line(written)
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.contains(#""time":1800000000,"#) && text.contains(#""time_ms":1800000000457"#) && text.contains(#""started_ms":1800000000120"#))
        #expect(try JournalRecord(jsonLine: line) == written)
        #expect(try JSONCoding.decoder().decode(JournalRecord.self, from: line) == written)
    }

    @Test func aRecordFromBeforeMillisecondsReadsItsWholeSecondsInBothReaders() throws {
        let line = Data(#"{"v":1,"seq":4,"time":1800000007,"type":"step-done","step":"enable-pf","changes":1}"#.utf8)
        let expected = JournalRecord(seq: 4, time: 1_800_000_007, event: .stepDone(step: "enable-pf", changes: 1))
        #expect(expected.timeMilliseconds == 1_800_000_007_000 && expected.startedMilliseconds == nil)
        #expect(try JournalRecord(jsonLine: line) == expected)
        #expect(try JSONCoding.decoder().decode(JournalRecord.self, from: line) == expected)
    }

    @Test(arguments: [#"{"v":1,"seq":0,"time":0,"time_ms":"soon","type":"step-begun","step":"a"}"#,
                      #"{"v":1,"seq":0,"time":0,"started_ms":1.5,"type":"step-done","step":"a","changes":0}"#])
    func aMalformedMillisecondFieldIsRefusedByBothReaders(line: String) {
        #expect(throws: (any Error).self) { try JournalRecord(jsonLine: Data(line.utf8)) }
        #expect(throws: (any Error).self) { try JSONCoding.decoder().decode(JournalRecord.self, from: Data(line.utf8)) }
    }

    enum Refusal: Sendable, CustomStringConvertible {
        case format(String, JournalFormatError)
        case invalid(String)

        var line: String {
            switch self {
            case .format(let line, _), .invalid(let line): line
            }
        }

        var description: String { line }
    }

    @Test(arguments: [
        Refusal.format(#"{"v":2,"seq":0,"time":0,"type":"whatever"}"#, .newerVersion(2)),
        .format(#"{"v":1,"seq":0,"time":0,"type":"step-exploded","step":"a"}"#, .unknownType("step-exploded")),
        .format(#"{"v":1,"seq":0,"time":0,"type":"change-recorded","step":"a","change":{"kind":"file"}}"#, .invalid("a file change record lacks path")),
        .format(#"{"v":1,"seq":0,"time":0,"type":"change-recorded","step":"a","change":{"kind":"key","file":"/f","key":"k","before":{"set":true}}}"#,
                .invalid("a key change record lacks before.value")),
        .format(#"{"v":1,"seq":0,"time":0,"type":"change-recorded","step":"a","change":{"kind":"pipe"}}"#, .invalid("unknown change kind \"pipe\"")),
        .invalid(#"{"seq":0,"time":0,"type":"step-begun","step":"a"}"#),
        .invalid(#"{"v":"1","seq":0,"time":0,"type":"step-begun","step":"a"}"#),
        .invalid(#"{"v":1,"seq":0.5,"time":0,"type":"step-begun","step":"a"}"#),
        .invalid(#"{"v":1,"seq":0,"time":0,"type":"step-begun"}"#),
        .invalid(#"{"v":1,"seq":0,"time":0,"type":"step-begun","step":null}"#),
        .invalid(#"{"v":1,"seq":0,"time":0,"type":"run-finished","succeeded":"yes"}"#),
        .invalid(#"{"v":1,"seq":0,"time":0,"type":"change-recorded","step":"a","change":{"kind":"file","path":"/p","before":{"exists":1}}}"#),
        .invalid(#"[1]"#),
        .invalid(#"{"v":1,"seq":0,"time":0,"type":"step-begun","step":"a"} x"#),
    ])
    func malformedRecordsAreRefusedAsTheDecodableConformanceRefusesThem(refusal: Refusal) throws {
        let line = Data(refusal.line.utf8)
        switch refusal {
        case .format(_, let expected):
            #expect(throws: expected) { try JournalRecord(jsonLine: line) }
            #expect(throws: expected) { try JSONCoding.decoder().decode(JournalRecord.self, from: line) }
        case .invalid:
            #expect { try JournalRecord(jsonLine: line) } throws: { !($0 is JournalFormatError) }
            #expect(throws: DecodingError.self) { try JSONCoding.decoder().decode(JournalRecord.self, from: line) }
        }
    }
}
