import Foundation
@testable import FirstbootEngine
import FuzzSupport

/// A journal line, through both readers: the hand-written one replay uses and the Decodable
/// conformance behind the same JSON parser (whose rules — a key given twice, a number beyond
/// 64 bits, control characters in any string — are checked before `JSONDecoder`, which does not
/// look at members it skips). They must agree on what they accept and what it means, and a
/// record read back from what the writer writes must be the same record.
@_cdecl("FuzzJournal_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        let byHand = try? JournalRecord(jsonLine: bytes)
        let decoded = (try? JSONValue.parse(bytes)).flatMap { _ in try? JSONCoding.decoder().decode(JournalRecord.self, from: Data(bytes)) }
        require((byHand == nil) == (decoded == nil), "one journal reader accepts a line the other refuses")
        if let byHand, let decoded { require(byHand == decoded, "the journal readers read a line differently") }
        guard let record = byHand, let line = try? JSONCoding.line(record) else { return }
        require((try? JournalRecord(jsonLine: line)) == record, "a written record does not read back the same")
    }
}
