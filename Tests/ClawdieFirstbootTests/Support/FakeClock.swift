import FirstbootEngine

/// Virtual time: `sleep` and `advance` move it, nothing waits.
final class FakeClock: EngineClock, @unchecked Sendable {
    private var seconds: Double
    init(_ start: Double = 1_800_000_000) { seconds = start }
    func now() -> Double { seconds }
    func sleep(seconds: Double) { self.seconds += seconds }
    func advance(_ seconds: Double) { self.seconds += seconds }
}
