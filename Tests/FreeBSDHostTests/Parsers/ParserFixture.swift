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
