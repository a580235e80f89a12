import Testing
@testable import FirstbootEngine

@Suite struct SchedulerTests {
    static func step(_ id: StepID, _ requires: [StepID] = [], phase: Phase = "firstboot") -> any Step {
        ClosureStep(id: id, phase: phase, requires: requires)
    }

    @Test func requirementsComeFirstAndTiesKeepDeclarationOrder() throws {
        let steps = [Self.step("c", ["b"]), Self.step("a"), Self.step("b", ["a"]), Self.step("d"), Self.step("e", ["a"])]
        #expect(try Scheduler.order(steps).map(\.id) == ["a", "b", "c", "d", "e"])
    }

    @Test func theOrderIsTheSameEveryTime() throws {
        let steps = (0..<20).map { Self.step(StepID("s\($0)"), $0 > 0 ? [StepID("s\(($0 * 7) % $0)")] : []) }
        let first = try Scheduler.order(steps).map(\.id)
        for _ in 0..<10 { #expect(try Scheduler.order(steps).map(\.id) == first) }
    }

    @Test func phasesRunInDeclarationOrderAndCanBeSelected() throws {
        let steps = [Self.step("up", ["pkg"], phase: "lockdown"), Self.step("pkg", phase: "lockdown"),
                     Self.step("bridge"), Self.step("pf", ["bridge"])]
        #expect(try Scheduler.order(steps).map(\.id) == ["pkg", "up", "bridge", "pf"])
        #expect(try Scheduler.order(steps, phases: ["firstboot"]).map(\.id) == ["bridge", "pf"])
    }

    @Test func aCycleIsReportedWithItsFullPath() {
        let steps = [Self.step("x"), Self.step("a", ["c"]), Self.step("b", ["a"]), Self.step("c", ["b"])]
        #expect(throws: SchedulerError.cycle(["a", "c", "b", "a"])) { try Scheduler.order(steps) }
        let error = SchedulerError.cycle(["a", "c", "b", "a"])
        #expect(error.description == "steps require each other in a cycle: a -> c -> b -> a")
    }

    @Test func anUnknownRequirementIsNamed() {
        #expect(throws: SchedulerError.unknownRequirement(step: "pf", requirement: "bridg")) {
            try Scheduler.order([Self.step("bridge"), Self.step("pf", ["bridg"])])
        }
    }

    @Test func otherMistakesAreRefused() {
        #expect(throws: SchedulerError.duplicateStep("a")) { try Scheduler.order([Self.step("a"), Self.step("a")]) }
        #expect(throws: SchedulerError.laterPhase(step: "a", requirement: "b", phase: "lockdown")) {
            try Scheduler.order([Self.step("a", ["b"]), Self.step("b", phase: "lockdown")])
        }
        #expect(throws: SchedulerError.unknownPhase("vnet", known: ["firstboot"])) {
            try Scheduler.order([Self.step("a")], phases: ["vnet"])
        }
    }
}
