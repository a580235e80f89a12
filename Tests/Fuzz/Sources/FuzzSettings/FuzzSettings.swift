@testable import ClawdieFirstboot
import FuzzSupport

/// The configuration file: any bytes are settings or one error, and accepted settings written
/// in their canonical form read back equal.
@_cdecl("FuzzSettings_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        guard let settings = try? Settings.parse(String(decoding: bytes, as: UTF8.self), path: "fuzz.conf") else { return }
        let again = try? Settings.parse(settings.canonicalText, path: "canonical.conf")
        require(again == settings, "canonical settings do not read back the same")
    }
}
