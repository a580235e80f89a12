import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A fresh, empty directory under the system's temporary directory, removed with everything in
/// it when the last reference to it goes: tests leave nothing behind in /tmp.
///
/// Keep the value for as long as the path is used (a local `let`, or a stored property of the
/// fixture that hands the path on); `TemporaryDirectory().path` alone would remove it at once.
public final class TemporaryDirectory: Sendable {
    public let path: String

    public init() throws {
        // mkdtemp, not a UUID name: the directory is created with mode 0700 and never shared.
        var template = Array((NSTemporaryDirectory() + "/clawdie-test-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown)
        }
        path = String(cString: created)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of a directory that stays until the test process exits, for paths handed to
    /// what outlives the scope that made them: a `Tool`'s state directory (a confirmation
    /// watcher goes on writing it after its test), profiles and configurations written for it,
    /// and the safety matrix's runs, which run in parallel and are compared afterwards.
    public static func keptUntilExit() throws -> String {
        let directory = try TemporaryDirectory()
        keptDirectories.withLock { kept in
            if kept.isEmpty { atexit { TemporaryDirectory.keptDirectories.withLock { $0.removeAll() } } }
            kept.append(directory)
        }
        return directory.path
    }

    private static let keptDirectories = Mutex<[TemporaryDirectory]>([])
}

/// Runs `body` with a fresh temporary directory, removed when `body` returns or throws.
public func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    let directory = try TemporaryDirectory()
    return try withExtendedLifetime(directory) { try body(directory.path) }
}
