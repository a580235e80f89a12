#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The unified diff of a file change, or nil when either side is not UTF-8 text.
enum FileDiff {
    static func make(before: Data?, after: Data?, path: String) -> String? {
        var old: String?
        var new: String?
        if let before {
            guard let text = String(data: before, encoding: .utf8) else { return nil }
            old = text
        }
        if let after {
            guard let text = String(data: after, encoding: .utf8) else { return nil }
            new = text
        }
        return UnifiedDiff.make(old: old, new: new, path: path)
    }
}
