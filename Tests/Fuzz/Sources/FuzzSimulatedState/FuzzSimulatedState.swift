import Foundation
@testable import FirstbootEngine
@testable import FreeBSDHost
import FuzzSupport

/// A saved simulated host state, through its reader: any bytes give a state or an error,
/// never a crash, and a state written with the encoder reads back equal.
@_cdecl("FuzzSimulatedState_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        guard let state = try? SimulatedHost.decodeState(Data(bytes), path: "fuzz.json"),
              let written = try? JSONCoding.document(state) else { return }
        require((try? SimulatedHost.decodeState(written, path: "fuzz.json")) == state, "a written state does not read back the same")
    }
}
