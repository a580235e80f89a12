import Foundation
@testable import FreeBSDHost
import FuzzSupport

/// A host profile, through its reader: any bytes give a profile or a one-line error, never a
/// crash; an accepted profile written again reads back the same, and starts a simulated host.
@_cdecl("FuzzHostProfile_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        guard let profile = try? HostProfile.decode(Data(bytes), path: "fuzz.json") else { return }
        let again = (try? profile.encode()).flatMap { try? HostProfile.decode($0, path: "fuzz.json") }
        require(again == profile, "a written profile does not read back the same")
        _ = try? SimulatedHost(profile: profile, profilePath: "/nonexistent/fuzz.json", stateDirectory: nil)
    }
}
