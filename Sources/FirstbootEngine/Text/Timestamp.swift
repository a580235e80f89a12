#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Times as messages, progress lines and the boot log show them: ISO 8601 in UTC, whole seconds
/// (`2026-12-02T06:30:01Z`) or with milliseconds (`2026-12-02T06:30:01.123Z`).
package enum Timestamp {
    /// Whole seconds since the epoch.
    package static func text(_ seconds: Int64) -> String {
        Date(timeIntervalSince1970: Double(seconds)).formatted(Date.ISO8601FormatStyle())
    }

    /// Seconds since the epoch, shown to the millisecond.
    package static func text(_ seconds: Double) -> String {
        text(milliseconds: JournalRecord.milliseconds(seconds))
    }

    package static func text(milliseconds: Int64) -> String {
        let whole = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let fraction = String(milliseconds - whole * 1000)
        return text(whole).dropLast() + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    /// `81 ms`, `3.2 s`, `42 s`, `2 min`, `3 min 5 s`.
    package static func duration(_ seconds: Double) -> String {
        if seconds < 1 { return "\(max(0, Int((seconds * 1000).rounded(.down)))) ms" }
        if seconds < 10 { return String(Int(seconds)) + "." + String(Int((seconds * 10).rounded(.down)) % 10) + " s" }
        let whole = Int(seconds.rounded())
        if whole < 120 { return "\(whole) s" }
        return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s"
    }
}
