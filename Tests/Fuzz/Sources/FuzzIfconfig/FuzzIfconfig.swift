@testable import FreeBSDHost
import FuzzSupport

/// `ifconfig` output: interfaces, `ifconfig -l`, the name `create` prints, and the errors.
@_cdecl("FuzzIfconfig_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? IfconfigOutput.parse(text)
        _ = try? InterfaceList.parse(text)
        _ = try? IfconfigOutput.printedName(text)
        _ = IfconfigOutput.absentInterface(inStderr: text)
        _ = IfconfigOutput.isAlreadyExisting(stderr: text)
    }
}
