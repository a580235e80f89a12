#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FirstbootEngine

/// UTC timestamps for progress lines and the boot log: `2026-12-02T06:30:01.123Z`.
enum Timestamp {
    static func text(_ seconds: Double) -> String {
        text(milliseconds: JournalRecord.milliseconds(seconds))
    }

    static func text(milliseconds: Int64) -> String {
        let whole = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let base = Date(timeIntervalSince1970: Double(whole)).formatted(Date.ISO8601FormatStyle())
        let fraction = String(milliseconds - whole * 1000)
        return base.dropLast() + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    /// `81 ms`, `3.2 s`, `42 s`, `2 min`, `3 min 5 s`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 1 { return "\(max(0, Int((seconds * 1000).rounded(.down)))) ms" }
        if seconds < 10 { return String(Int(seconds)) + "." + String(Int((seconds * 10).rounded(.down)) % 10) + " s" }
        let whole = Int(seconds.rounded())
        if whole < 120 { return "\(whole) s" }
        return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s"
    }
}
