import Foundation
import Testing
import TestSupport
@testable import FirstbootEngine

/// A step interrupted after some of its changes is in doubt. Whatever its `changes` can
/// observe, the resume must end with every effect of the step in place.
@Suite struct InDoubtTests {
    static let path = "/etc/rules.conf"
    static let oldRules = Data("old rules\n".utf8)
    static let newRules = Data("new rules\n".utf8)

    /// Writes the rules file and loads it, but compares only the file, as a step that cannot
    /// see what is loaded would: after a crash between the write and the load it looks done.
    static let loadRules = ClosureStep(id: "load-rules", plan: { context in
        if try context.host.readFile(path) == newRules { return [] }
        return [.writeFile(path: path, contents: newRules, mode: 0o644, owner: .root),
                .run(argv: ["/sbin/load", path], undo: .rerunAfterRestore)]
    })

    static func host() -> InMemoryHost {
        let host = InMemoryHost()
        host.state.files[path] = .init(contents: oldRules, mode: 0o644, owner: .root)
        host.state.loaded = oldRules
        return host
    }

    static func cleanRecordCount() throws -> Int {
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        _ = try makeEngine(host(), directory, steps: [loadRules]).apply()
        return try makeEngine(host(), directory, steps: [loadRules]).openJournal().records.count
    }

    @Test func aResumedStepLoadsWhatItWroteWhereverTheRunDied() throws {
        let records = try Self.cleanRecordCount()
        for point in 1...records {
            let host = Self.host()
            let scratch = try TemporaryDirectory()
            let directory = scratch.path
            #expect(throws: SimulatedCrash.self) {
                _ = try makeEngine(host, directory, steps: [Self.loadRules], failPoint: .throwing(afterWrite: point)).apply()
            }
            _ = try makeEngine(host, directory, steps: [Self.loadRules]).apply()
            #expect(host.state.files[Self.path]?.contents == Self.newRules, "crash at durable write \(point)")
            #expect(host.state.loaded == Self.newRules, "crash at durable write \(point): the new rules must be loaded")
            #expect(try makeEngine(host, directory, steps: [Self.loadRules]).plan().hasChanges == false)
            _ = try makeEngine(host, directory, steps: [Self.loadRules]).rollback(.everything)
            #expect(host.state == Self.host().state, "rollback after a crash at durable write \(point)")
        }
    }

    /// The crash after the file was written and before the load: the plan says what resume
    /// will do — undo the recorded change from the journal, then apply the step afresh.
    @Test func thePlanOfAnInDoubtStepSaysResumeUndoesAndReapplies() throws {
        let host = Self.host()
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        // run-started, step-begun, change-recorded (file): the file is written, nothing loaded.
        #expect(throws: SimulatedCrash.self) {
            _ = try makeEngine(host, directory, steps: [Self.loadRules], failPoint: .throwing(afterWrite: 4)).apply()
        }
        #expect(host.state.files[Self.path]?.contents == Self.newRules)
        #expect(host.state.loaded == Self.oldRules)
        let plan = try makeEngine(host, directory, steps: [Self.loadRules]).plan()
        #expect(plan.hasChanges)
        let step = try #require(plan.steps.first)
        #expect(step.action == .resume)
        #expect(step.undo.map(\.change) == [.writeFile(path: Self.path, contents: Self.oldRules, mode: 0o644, owner: .root),
                                            .run(argv: ["/sbin/load", Self.path], undo: .nothing)])
        #expect(step.changes.map(\.change) == [.writeFile(path: Self.path, contents: Self.newRules, mode: 0o644, owner: .root),
                                               .run(argv: ["/sbin/load", Self.path], undo: .rerunAfterRestore)])
        // Planning changed nothing.
        #expect(host.state.loaded == Self.oldRules)
        let report = try makeEngine(host, directory, steps: [Self.loadRules]).apply()
        #expect(report.resumed == ["load-rules"])
        #expect(host.state.loaded == Self.newRules)
    }
}
