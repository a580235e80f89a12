@testable import FreeBSDHost
import FuzzSupport

/// pfctl output: `-s info`, `-e`, `-T show` and the table errors.
@_cdecl("FuzzPfctl_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? PFStatus.parse(text)
        _ = try? PFEnableOutcome.parse(stderr: text)
        _ = try? PFTableOutput.entries(text)
        _ = PFTableOutput.isMissingTable(stderr: text)
    }
}
