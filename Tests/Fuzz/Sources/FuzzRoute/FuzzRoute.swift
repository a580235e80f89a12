@testable import FreeBSDHost
import FuzzSupport

/// `route -n get default` output.
@_cdecl("FuzzRoute_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        _ = try? DefaultRoute.parse(String(decoding: bytes, as: UTF8.self))
    }
}
