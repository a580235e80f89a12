@testable import FreeBSDHost
import FuzzSupport

/// rc.conf as bytes: a document writes back exactly the bytes it read; setting a key makes it
/// read back that value and leaves every other key's value; unsetting removes it.
@_cdecl("FuzzRCConf_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        _ = try? RCConfDocument(bytes: bytes, strict: true)
        guard var document = try? RCConfDocument(bytes: bytes) else { return }
        require(document.bytes == bytes, "an unedited document does not write back its bytes")
        let before = Dictionary(document.assignments.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        for assignment in document.assignments {
            require(RCConfDocument.value(of: assignment.key, inBytes: bytes) == before[assignment.key],
                    "the one-key reader disagrees with the document")
        }
        document.set("fuzz_enable", to: "YES \"$x\"")
        guard let edited = try? RCConfDocument(bytes: document.bytes) else {
            return require(false, "a document with a key set does not parse")
        }
        require(edited.value(of: "fuzz_enable") == "YES \"$x\"", "a key set does not read back")
        for (key, value) in before where key != "fuzz_enable" {
            require(edited.value(of: key) == value, "setting one key changed another")
        }
        var removed = edited
        removed.unset("fuzz_enable")
        require(removed.value(of: "fuzz_enable") == nil, "an unset key is still there")
    }
}
