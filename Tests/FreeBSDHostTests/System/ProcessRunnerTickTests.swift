import FirstbootEngine
import FreeBSDHost
import Testing

/// The runner's tick, which lets a caller report a long command while it runs, without a
/// timer thread: a real slow command, /bin/sleep, on the real runner.
@Suite struct ProcessRunnerTickTests {
    @Test func aSlowCommandIsTickedWhileItRunsAndNeverAfter() throws {
        var ticks: [Double] = []
        let result = try ProcessRunner().run(Command(["/bin/sleep", "2.5"], timeout: 60),
                                             tick: ProcessRunner.Tick(every: 1) { ticks.append($0) })
        #expect(result.termination == .exited(0))
        // sleep cannot end before 2.5 s, and the loop looks at least every 50 ms.
        #expect(!ticks.isEmpty)
        #expect(ticks == ticks.sorted())
        #expect(ticks.allSatisfy { $0 >= 1 && $0 <= result.duration })
    }

    @Test func aQuickCommandIsNeverTicked() throws {
        var ticks = 0
        let result = try ProcessRunner().run(Command(["/bin/sh", "-c", "exit 3"]),
                                             tick: ProcessRunner.Tick(every: 3600) { _ in ticks += 1 })
        #expect(result.termination == .exited(3))
        #expect(ticks == 0)
    }

    @Test func theSystemHostPassesTheTickToItsRunner() throws {
        var ticks: [Double] = []
        let result = try SystemHost().run(Command(["/bin/sleep", "2.5"], timeout: 60), tickEvery: 1) { ticks.append($0) }
        #expect(result.termination == .exited(0))
        #expect(!ticks.isEmpty)
    }
}
