/// What a step sees while it checks, plans or verifies.
package struct StepContext {
    /// The host to observe. While planning, file and key changes of earlier steps in the same
    /// plan are visible through it, so later steps plan against what the host will be.
    package var host: any TargetHost
    /// True while planning: nothing is applied.
    package var isPlanning: Bool
    /// Steps the journal records as done (before this run or earlier in it).
    package var completedSteps: Set<StepID>
    package var clock: any EngineClock
    /// Told about long waits, so that an operator sees what is awaited and for how long.
    package var observer: (any RunObserver)?

    package init(host: any TargetHost, isPlanning: Bool, completedSteps: Set<StepID>, clock: any EngineClock) {
        self.host = host
        self.isPlanning = isPlanning
        self.completedSteps = completedSteps
        self.clock = clock
    }

    /// Polls `condition` until it holds or `timeout` seconds pass, then throws a refusal
    /// naming `what`. While planning it checks once and does not wait.
    package func waitUntil(_ what: String, timeout: Double, interval: Double = 1, _ condition: () throws -> Bool) throws {
        let deadline = clock.now() + timeout
        while true {
            if try condition() { return }
            if isPlanning { throw StepRefusal("\(what) is not there yet", awaitsReadiness: true) }
            if clock.now() >= deadline {
                throw StepRefusal("timed out after \(Int(timeout)) s waiting for \(what)")
            }
            observer?.waiting(for: what, secondsLeft: deadline - clock.now())
            clock.sleep(seconds: min(interval, max(0, deadline - clock.now())))
        }
    }
}
