import Foundation
@testable import FirstbootEngine
@testable import FreeBSDHost
import FuzzSupport

/// A saved simulated host state: the hand-written reader must agree with the Decodable
/// conformance, and a state written with the encoder must read back equal.
@_cdecl("FuzzSimulatedState_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        let byHand = (try? JSONValue.parse(bytes)).flatMap { value in
            (try? JSONFields(value)).flatMap { fields in try? SimulatedState(json: fields) }
        }
        // Behind the same parser, as for the journal (FuzzJournal).
        let decoded = (try? JSONValue.parse(bytes)).flatMap { _ in try? JSONCoding.decoder().decode(SimulatedState.self, from: Data(bytes)) }
        require((byHand == nil) == (decoded == nil), "one state reader accepts a state the other refuses")
        if let byHand, let decoded { require(byHand == decoded, "the state readers read a state differently") }
        guard let state = byHand, let written = try? JSONCoding.document(state) else { return }
        let again = (try? JSONValue.parse(written)).flatMap { value in
            (try? JSONFields(value)).flatMap { fields in try? SimulatedState(json: fields) }
        }
        require(again == state, "a written state does not read back the same")
    }
}
