import Foundation
@testable import FreeBSDHost
import FuzzSupport

/// A host profile, through both readers: the hand-written one and the Decodable conformance
/// it replaced, which must accept the same profiles with the same meaning. An accepted
/// profile must also start a simulated host.
@_cdecl("FuzzHostProfile_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        let data = Data(bytes)
        let byHand = try? HostProfile.decode(data, path: "fuzz.json")
        let decoded = try? HostProfile.decodeWithDecodable(data, path: "fuzz.json")
        require((byHand == nil) == (decoded == nil), "one profile reader accepts a profile the other refuses")
        if let byHand, let decoded { require(byHand == decoded, "the profile readers read a profile differently") }
        if let byHand { _ = try? SimulatedHost(profile: byHand, profilePath: "/nonexistent/fuzz.json", stateDirectory: nil) }
    }
}
