/// How a step ended in a run, as progress and the boot log report it.
package enum StepOutcome: Sendable, Equatable {
    /// It changed the host.
    case applied
    /// The host already matched.
    case unchanged
    /// It failed (its own changes were undone); the message says why.
    case failed(String)
}

/// Told what a run is doing while it works: the progress lines on stderr and the boot log are
/// observers. Called on the run's own thread, in order.
///
/// No method has a default: an observer implements each, empty where it reports nothing, so
/// that one whose method drifts from the protocol's signature (a parameter's type changed)
/// does not compile, rather than being silently replaced by a default that does nothing.
package protocol RunObserver: AnyObject {
    /// The run's steps are scheduled: `steps` of them will be looked at.
    func runStarted(command: String, phases: [Phase], steps: Int)
    /// Step number `index` (from 1) of the run begins to be checked.
    func stepStarted(_ step: StepID, index: Int, of total: Int)
    func stepFinished(_ step: StepID, outcome: StepOutcome, seconds: Double)
    /// A command is about to run; `timeout` is the most it may take.
    func commandStarted(_ argv: [String], timeout: Double)
    /// The command is still running, `seconds` after it started (told about every second).
    func commandRunning(_ argv: [String], seconds: Double, timeout: Double)
    /// Waiting for `what`; at most `secondsLeft` more.
    func waiting(for what: String, secondsLeft: Double)
    /// The run ended; `error` says why when it failed.
    func runFinished(error: String?, seconds: Double)
}

/// Several observers told the same things, in order.
package final class RunObservers: RunObserver {
    package let observers: [any RunObserver]

    package init(_ observers: [any RunObserver]) { self.observers = observers }

    package func runStarted(command: String, phases: [Phase], steps: Int) {
        for observer in observers { observer.runStarted(command: command, phases: phases, steps: steps) }
    }
    package func stepStarted(_ step: StepID, index: Int, of total: Int) {
        for observer in observers { observer.stepStarted(step, index: index, of: total) }
    }
    package func stepFinished(_ step: StepID, outcome: StepOutcome, seconds: Double) {
        for observer in observers { observer.stepFinished(step, outcome: outcome, seconds: seconds) }
    }
    package func commandStarted(_ argv: [String], timeout: Double) {
        for observer in observers { observer.commandStarted(argv, timeout: timeout) }
    }
    package func commandRunning(_ argv: [String], seconds: Double, timeout: Double) {
        for observer in observers { observer.commandRunning(argv, seconds: seconds, timeout: timeout) }
    }
    package func waiting(for what: String, secondsLeft: Double) {
        for observer in observers { observer.waiting(for: what, secondsLeft: secondsLeft) }
    }
    package func runFinished(error: String?, seconds: Double) {
        for observer in observers { observer.runFinished(error: error, seconds: seconds) }
    }
}
