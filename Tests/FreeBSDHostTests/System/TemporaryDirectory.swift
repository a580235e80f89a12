import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under the system's temporary directory, removed after `body`.
func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    var template = Array((NSTemporaryDirectory() + "/systemhost-test-XXXXXX").utf8CString)
    guard let created = mkdtemp(&template) else {
        throw CocoaError(.fileWriteUnknown)
    }
    let path = String(cString: created)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}
