import Foundation
import Testing
@testable import FirstbootEngine

/// The journal's golden files (`Golden/journal/*.jsonl`), read as a run reads its journal:
/// a good one reads, and its records written again read back as the same records; a damaged
/// one is refused with the message in `NAME.expected-error` beside it, and a torn last line is
/// dropped with the warning in `NAME.expected-warning`. `CLAWDIE_REGENERATE_GOLDEN=1` rewrites
/// the expected files from what the reader says (review the diff).
@Suite struct JournalGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/journal").path
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
    static let knownSteps: Set<StepID> = ["write-pf-conf", "enable-pf", "lockdown-pf"]
    static let regenerating = ProcessInfo.processInfo.environment["CLAWDIE_REGENERATE_GOLDEN"] == "1"

    /// What reading a journal's bytes gives: its records and warnings, or the error's message.
    static func read(_ data: Data) -> (records: [JournalRecord], warnings: [String], error: String?) {
        do {
            let (records, warnings, _) = try Journal.parse(data, path: "journal", knownSteps: knownSteps)
            return (records, warnings, nil)
        } catch {
            return ([], [], "\(error)")
        }
    }

    @Test func everyRecordKindHasAGoodFile() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/every-record-kind.jsonl"))
        let (records, warnings, error) = Self.read(data)
        #expect(error == nil && warnings.isEmpty)
        let kinds = Set(records.map { String(describing: $0.event).prefix { $0 != "(" } })
        #expect(kinds.count == 13, "\(kinds.sorted())")
        let changes = records.compactMap { record -> ChangeRecord? in
            if case .changeRecorded(_, let change) = record.event { return change }
            return nil
        }
        #expect(changes.count == 10)
    }

    @Test(arguments: names)
    func aGoldenFileReadsAsExpected(name: String) throws {
        let base = Self.folder + "/" + name.dropLast(".jsonl".count)
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        let (records, warnings, error) = Self.read(data)
        let warningText = warnings.isEmpty ? nil : warnings.joined(separator: "\n") + "\n"
        if Self.regenerating {
            try Self.write(error.map { $0 + "\n" }, to: base + ".expected-error")
            try Self.write(warningText, to: base + ".expected-warning")
            return
        }
        let expectedError = try? String(contentsOfFile: base + ".expected-error", encoding: .utf8)
        let expectedWarning = try? String(contentsOfFile: base + ".expected-warning", encoding: .utf8)
        #expect(error.map { $0 + "\n" } == expectedError)
        #expect(warningText == expectedWarning)
        guard error == nil else { return }
        var rewritten = Data()
        for record in records {
            rewritten.append(try JSONCoding.line(record))
            rewritten.append(0x0A)
        }
        let again = Self.read(rewritten)
        #expect(again.error == nil && again.warnings.isEmpty)
        #expect(again.records == records)
    }

    static func write(_ text: String?, to path: String) throws {
        if let text {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } else if FileManager.default.fileExists(atPath: path) {
            try FileManager.default.removeItem(atPath: path)
        }
    }
}
