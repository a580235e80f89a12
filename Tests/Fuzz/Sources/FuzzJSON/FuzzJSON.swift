@testable import FirstbootEngine
import FuzzSupport

/// The strict JSON parser every reader of the project's JSON is built on: any bytes give a
/// value or a `JSONParseError`, never a crash; whatever the strict parser takes, the lenient
/// one (trailing commas allowed, as for host profiles) takes and reads the same.
@_cdecl("FuzzJSON_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        let strict = try? JSONValue.parse(bytes)
        let lenient = try? JSONValue.parse(bytes, allowingTrailingCommas: true)
        if let strict { require(lenient == strict, "the lenient parser reads a strict document differently") }
    }
}
