import Foundation
import Testing
import TestSupport
@testable import ClawdieFirstboot

@Suite struct UnifiedDiffTests {
    /// GNU diff's hunks for the same texts, when diff is installed (it is on Linux CI).
    static func gnuDiff(_ old: String, _ new: String) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/diff") else { return nil }
        let scratch = try TemporaryDirectory()
        let directory = URL(fileURLWithPath: scratch.path)
        try old.write(to: directory.appendingPathComponent("a"), atomically: true, encoding: .utf8)
        try new.write(to: directory.appendingPathComponent("b"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", directory.appendingPathComponent("a").path, directory.appendingPathComponent("b").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropFirst(2).joined(separator: "\n")
    }

    static func hunks(_ diff: String) -> String {
        diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
    }

    static let base = (1...30).map { "line \($0)" }.joined(separator: "\n") + "\n"

    @Test(arguments: [
        base.replacingOccurrences(of: "line 5\n", with: "line five\n"),
        base.replacingOccurrences(of: "line 5\n", with: "line five\n").replacingOccurrences(of: "line 25\n", with: ""),
        base.replacingOccurrences(of: "line 1\n", with: "first\nline 1\n") + "line 31\n",
        base.replacingOccurrences(of: "line 10\n", with: "").replacingOccurrences(of: "line 14\n", with: "x\n"),
        "",
        "only\n",
    ])
    func hunksMatchGNUDiff(new: String) throws {
        guard let expected = try Self.gnuDiff(Self.base, new) else { return }
        #expect(Self.hunks(UnifiedDiff.make(old: Self.base, new: new, path: "/etc/x")) == expected)
    }

    @Test func aNewFileIsAllAdditionsAndEqualTextsHaveNoDiff() {
        #expect(UnifiedDiff.make(old: nil, new: "a\nb\n", path: "/etc/x") == "--- /dev/null\n+++ b/etc/x\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(UnifiedDiff.make(old: "a\n", new: nil, path: "/etc/x") == "--- a/etc/x\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n")
        #expect(UnifiedDiff.make(old: "same\n", new: "same\n", path: "/etc/x").isEmpty)
    }
}
