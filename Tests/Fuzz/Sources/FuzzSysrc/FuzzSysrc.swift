@testable import FreeBSDHost
import FuzzSupport

/// sysrc(8) output: changes, `name: value` queries, `-n` values and its errors.
@_cdecl("FuzzSysrc_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? SysrcOutput.changes(text)
        _ = try? SysrcOutput.values(text)
        _ = try? SysrcOutput.value(text)
        _ = SysrcOutput.unknownVariable(inStderr: text)
    }
}
