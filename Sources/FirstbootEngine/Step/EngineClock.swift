import Foundation

/// Time as the engine sees it: a seam so tests and the simulated host can use virtual time.
package protocol EngineClock: Sendable {
    /// Seconds since the Unix epoch.
    func now() -> Double
    func sleep(seconds: Double)
}

/// The real clock.
package struct SystemClock: EngineClock {
    package init() {}
    package func now() -> Double { Date().timeIntervalSince1970 }
    package func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        Thread.sleep(forTimeInterval: seconds)
    }
}
