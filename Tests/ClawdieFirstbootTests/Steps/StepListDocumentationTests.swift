import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import ClawdieFirstboot

/// The man page and the runbook are static files that list every phase's steps in the order
/// they run; these tests fail when either drifts from `PlatformSteps`.
struct StepListDocumentationTests {
    /// Each phase with its step ids, in the order the scheduler runs them.
    static var registry: [[String]] {
        get throws {
            let ordered = try Scheduler.order(PlatformSteps.all(Settings()))
            return Scheduler.declaredPhases(ordered).map { phase in [phase.name] + ordered.filter { $0.phase == phase }.map(\.id.name) }
        }
    }

    static func read(_ file: String) throws -> [Substring] {
        try RepositoryRoot.read(file).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// DESCRIPTION introduces each phase as `.Cm PHASE` and lists its steps as `.It Cm STEP`
    /// in the `.Bl -tag` list that follows.
    @Test func manPageListsEveryPhasesStepsInOrder() throws {
        let lines = try Self.read("docs/clawdie-firstboot.8")
        let start = try #require(lines.firstIndex(of: ".Sh DESCRIPTION"))
        let end = try #require(lines[start...].firstIndex { $0.hasPrefix(".Ss ") || $0 == ".Sh COMMANDS" })
        let phases = Set(PlatformSteps.all(Settings()).map(\.phase.name))
        var listed: [[String]] = []
        var phase: String?
        var inList = false
        for line in lines[start..<end] {
            if !inList, line.hasPrefix(".Cm "), phases.contains(String(line.dropFirst(4))) {
                phase = String(line.dropFirst(4))
            } else if line.hasPrefix(".Bl -tag"), let current = phase {
                listed.append([current])
                inList = true
                phase = nil
            } else if line == ".El" {
                inList = false
            } else if inList, line.hasPrefix(".It Cm ") {
                listed[listed.count - 1].append(String(line.dropFirst(7)))
            }
        }
        #expect(listed == (try Self.registry), "docs/clawdie-firstboot.8's step lists are not PlatformSteps'")
    }

    /// docs/operations.md has one `| step | … |` table per phase, its rows in run order.
    @Test func runbookHasATableOfEveryPhasesSteps() throws {
        let lines = try Self.read("docs/operations.md")
        var tables: [[String]] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].hasPrefix("| step |") else { continue }
            var ids: [String] = []
            index += 2
            while index < lines.count, lines[index].hasPrefix("| `") {
                ids.append(String(lines[index].dropFirst(3).prefix { $0 != "`" }))
                index += 1
            }
            tables.append(ids)
        }
        #expect(tables == (try Self.registry).map { Array($0.dropFirst()) }, "docs/operations.md's step tables are not PlatformSteps'")
    }
}
