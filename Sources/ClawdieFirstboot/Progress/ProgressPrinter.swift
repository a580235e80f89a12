import FirstbootEngine

/// Progress on stderr while a run works: a line as each step starts and ends (with its time when
/// it took longer than a second), and, for the long waits, what is awaited and how long is left.
/// On a terminal it redraws one line; otherwise (a log, the console at boot) it writes plain
/// timestamped lines, and repeats a wait's line at most every `waitInterval` seconds.
final class ProgressPrinter: RunObserver {
    static let waitInterval = 10.0

    private let clock: any EngineClock
    private let terminal: Bool
    private let write: (String) -> Void
    /// On a terminal: a line without its newline is on screen, to be redrawn.
    private var lineOpen = false
    private var current: (label: String, started: Double)?
    private var lastWait: (what: String, at: Double)?

    init(clock: any EngineClock, terminal: Bool, write: @escaping (String) -> Void) {
        self.clock = clock
        self.terminal = terminal
        self.write = write
    }

    // The run's phases are in the counter of each step's line.
    func runStarted(command: String, phases: [Phase], steps: Int) {}

    func stepStarted(_ step: StepID, index: Int, of total: Int) {
        let label = "[\(index)/\(total)] \(step)"
        current = (label, clock.now())
        lastWait = nil
        show(label + " ...", lasting: false)
    }

    func stepFinished(_ step: StepID, outcome: StepOutcome, seconds: Double) {
        let label = current?.label ?? step.name
        current = nil
        let word: String
        switch outcome {
        case .applied: word = "applied"
        case .unchanged: word = "unchanged"
        case .failed: word = "failed"
        }
        show("\(label): \(word)" + (seconds > 1 ? " (\(Timestamp.duration(seconds)))" : ""), lasting: true)
    }

    func commandStarted(_ argv: [String], timeout: Double) {
        guard Self.isLong(argv) else { return }
        let what = "`\(Command.display(argv))`"
        show(prefix + "waiting for \(what) (at most \(Timestamp.duration(timeout)))", lasting: !terminal)
        lastWait = (what, clock.now())
    }

    func commandRunning(_ argv: [String], seconds: Double, timeout: Double) {
        guard Self.isLong(argv) else { return }
        waiting(for: "`\(Command.display(argv))`", secondsLeft: timeout - seconds)
    }

    func waiting(for what: String, secondsLeft: Double) {
        let now = clock.now()
        if !terminal, let last = lastWait, last.what == what, now - last.at < Self.waitInterval { return }
        lastWait = (what, now)
        let left = secondsLeft.isFinite ? "\(Timestamp.duration(max(0, secondsLeft))) left" : "no time limit"
        show(prefix + "waiting for \(what): \(left)", lasting: !terminal)
    }

    func runFinished(error: String?, seconds: Double) {
        if lineOpen { write("\r\u{1B}[K") }
        lineOpen = false
    }

    /// The running step's label, before a wait inside it.
    private var prefix: String { current.map { $0.label + ": " } ?? "" }

    /// A lasting line stays; on a terminal a passing one is redrawn by the next.
    private func show(_ text: String, lasting: Bool) {
        if terminal {
            write("\r\u{1B}[K" + text + (lasting ? "\n" : ""))
            lineOpen = !lasting
        } else {
            write(Timestamp.text(clock.now()) + " " + text + "\n")
        }
    }

    /// The commands worth announcing: they download or wait on the network.
    static func isLong(_ argv: [String]) -> Bool {
        let program = argv.first.map { PathName.lastComponent(of: $0) }
        return (program == "pkg" && argv.contains("install")) || (program == "tailscale" && argv.dropFirst().first == "up")
    }
}
