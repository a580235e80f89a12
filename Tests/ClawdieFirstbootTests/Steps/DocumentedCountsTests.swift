import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import ClawdieFirstboot

/// The README, the docs and the man page show what the tool prints: `3/5 steps of firstboot
/// done`, `apply of firstboot: 5 steps`, `[2/5] create-bridge`, `Plan: 1 of 5 steps`. Those
/// counts and positions must be what the registry gives, or a reader is misled the day a step is
/// added; these tests find every such example and check it against `PlatformSteps`.
struct DocumentedCountsTests {
    /// The README and everything in docs/.
    static var documents: [String] {
        get throws {
            ["README.md"] + (try FileManager.default.contentsOfDirectory(atPath: RepositoryRoot.path + "/docs")).sorted().map { "docs/" + $0 }
        }
    }

    /// Every run the tool can make: each selection of phases, in run order, with its steps.
    static var runs: [(phases: [Phase], steps: [StepID])] {
        get throws {
            let all = PlatformSteps.all(Settings())
            let phases = Scheduler.declaredPhases(all)
            return try (1..<(1 << phases.count)).map { mask in
                let selected = phases.indices.filter { mask & (1 << $0) != 0 }.map { phases[$0] }
                return (selected, try Scheduler.order(all, phases: selected).map(\.id))
            }
        }
    }

    /// The documents' text with each line's file and number, for messages.
    static func lines() throws -> [(place: String, text: String)] {
        try documents.flatMap { file in
            try RepositoryRoot.read(file).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { ("\(file):\($0.offset + 1)", String($0.element)) }
        }
    }

    static func matches(_ pattern: String) throws -> [(place: String, groups: [String])] {
        let regex = try Regex(pattern)
        return try lines().flatMap { line in
            line.text.matches(of: regex).map { match in
                (line.place, (1..<match.output.count).map { match.output[$0].substring.map(String.init) ?? "" })
            }
        }
    }

    static func phases(_ text: String) -> [Phase] {
        text.split(separator: ",").map { Phase($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// `N/M steps of PHASES done`, as status prints it.
    @Test func statusCountsAreThoseOfTheirPhases() throws {
        let found = try Self.matches(#"(\d+)/(\d+) steps of ([a-z]+(?:, [a-z]+)*) done"#)
        #expect(found.count >= 5)
        let runs = try Self.runs
        for (place, groups) in found {
            let run = try #require(runs.first { $0.phases == Self.phases(groups[2]) }, "\(place): no such phases")
            #expect(Int(groups[1])! == run.steps.count, "\(place): \(groups[2]) has \(run.steps.count) steps")
            #expect(Int(groups[0])! <= run.steps.count, "\(place)")
        }
    }

    /// `apply of PHASES: M steps`, as the boot log writes it.
    @Test func bootLogCountsAreThoseOfTheirPhases() throws {
        let found = try Self.matches(#"(?:apply|rollback) of ([a-z]+(?:, [a-z]+)*): (\d+) steps"#)
        #expect(!found.isEmpty)
        let runs = try Self.runs
        for (place, groups) in found {
            let run = try #require(runs.first { $0.phases == Self.phases(groups[0]) }, "\(place): no such phases")
            #expect(Int(groups[1])! == run.steps.count, "\(place): \(groups[0]) has \(run.steps.count) steps")
        }
    }

    /// `[I/M] STEP`, as progress prints it: some run has M steps with STEP as its I-th.
    @Test func progressCountersNameTheStepAtThatPlace() throws {
        let found = try Self.matches(#"\[(\d+)/(\d+)\] ([a-z][a-z-]*[a-z])"#)
        #expect(found.count >= 2)
        let runs = try Self.runs
        for (place, groups) in found {
            let index = Int(groups[0])!, total = Int(groups[1])!, step = StepID(groups[2])
            #expect(runs.contains { $0.steps.count == total && index >= 1 && index <= total && $0.steps[index - 1] == step },
                    "\(place): no run has \(step) as step \(index) of \(total)")
        }
    }

    /// `Plan: K of M steps change the host`, as the text plan's summary reads.
    @Test func planSummariesCountTheStepsOfARun() throws {
        let found = try Self.matches(#"Plan: (\d+) of (\d+) steps"#)
        #expect(!found.isEmpty)
        let counts = Set(try Self.runs.map(\.steps.count))
        for (place, groups) in found {
            #expect(counts.contains(Int(groups[1])!), "\(place): no run has \(groups[1]) steps")
            #expect(Int(groups[0])! <= Int(groups[1])!, "\(place)")
        }
    }
}
