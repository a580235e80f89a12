#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
        // nanosleep directly: FoundationEssentials has no Thread. A signal cuts it short, so
        // sleep again for what remains.
        let whole = min(seconds.rounded(.down), Double(Int32.max))
        var request = timespec(tv_sec: .init(whole), tv_nsec: .init((min(seconds, whole + 0.999_999_999) - whole) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
