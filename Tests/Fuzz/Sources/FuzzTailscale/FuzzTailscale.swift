@testable import FreeBSDHost
import FuzzSupport

/// `tailscale status --json` output.
@_cdecl("FuzzTailscale_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        _ = try? TailscaleStatus.parse(String(decoding: bytes, as: UTF8.self))
    }
}
