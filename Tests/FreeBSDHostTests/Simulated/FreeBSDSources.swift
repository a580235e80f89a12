import Foundation
import Testing
import TestSupport

/// FreeBSD's own files in ../shared/freebsd-src beside the clone (its README says what each
/// is), looked for beside the clone and beside each directory above it (a worktree may sit
/// one level deeper). CI has them; a clone elsewhere does not, and the tests that need them
/// say so and skip.
enum FreeBSDSources {
    static let directory: String = {
        var url = URL(fileURLWithPath: RepositoryRoot.path)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("shared/freebsd-src").path
            if FileManager.default.fileExists(atPath: candidate + "/README.md") { return candidate }
        }
        return URL(fileURLWithPath: RepositoryRoot.path).deletingLastPathComponent().appendingPathComponent("shared/freebsd-src").path
    }()

    static var available: Bool { FileManager.default.fileExists(atPath: directory + "/README.md") }

    static let absent: Comment = "../shared/freebsd-src is absent beside the clone: the checks against FreeBSD's own files are skipped"

    /// A file's text, or nil (with a note in the test log) when the directory is absent.
    static func read(_ name: String) -> String? {
        guard available else {
            print("note: \(absent)")
            return nil
        }
        return try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }
}
