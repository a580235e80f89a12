@testable import FirstbootEngine

/// The clock of a command that meets the run lock held: its sleeps pass at once, and the
/// holder lets go once `seconds` of them have passed (never when nil), as the confirmation
/// watcher does when it has journaled or reverted.
final class HolderLetsGoClock: EngineClock, @unchecked Sendable {
    private(set) var time: Double
    private var holder: RunLock?
    private let letGoAt: Double?

    init(_ time: Double, holder: RunLock, lettingGoAfter seconds: Double?) {
        self.time = time
        self.holder = holder
        letGoAt = seconds.map { time + $0 }
    }

    func now() -> Double { time }

    func sleep(seconds: Double) {
        time += seconds
        if let letGoAt, time >= letGoAt { letGo() }
    }

    /// Releases the lock if it is still held.
    func letGo() {
        holder?.release()
        holder = nil
    }
}
