import Foundation
import Testing
@testable import FreeBSDHost

/// Reads the FreeBSD output samples beside the tests (by this file's path, not the resource
/// bundle, whose lookup is not reliable on every platform).
enum ParserFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/freebsd").path

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }

    /// The same text with each run of 8 leading spaces turned into a TAB, as FreeBSD's
    /// ifconfig prints it (the captures come from web pages that show spaces).
    static func tabbed(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var rest = Substring(line)
            var prefix = ""
            while rest.hasPrefix("        ") {
                prefix += "\t"
                rest = rest.dropFirst(8)
            }
            return prefix + rest
        }.joined(separator: "\n")
    }

    /// Runs `body` and returns the ParseError it threw, recording an issue when it threw none.
    static func parseError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> ParseError? {
        do {
            try body()
            Issue.record("expected a ParseError, got none", sourceLocation: sourceLocation)
        } catch let error as ParseError {
            return error
        } catch {
            Issue.record("expected a ParseError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }
}
