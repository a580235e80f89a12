import Foundation
@testable import FirstbootEngine
import FuzzSupport

/// A journal line, through the journal's reader: any bytes give a record or an error, never a
/// crash, and a record written again reads back as the same record.
@_cdecl("FuzzJournal_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        guard let record = try? JournalRecord(jsonLine: bytes), let line = try? JSONCoding.line(record) else { return }
        require((try? JournalRecord(jsonLine: line)) == record, "a written record does not read back the same")
    }
}
