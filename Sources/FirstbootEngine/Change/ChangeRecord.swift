#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The journal's account of one change: what it targets, what it replaced, and the digest
/// of what it wrote. Written durably before the change is made.
package struct ChangeRecord: Hashable, Sendable {
    package var target: ChangeTarget
    package var prior: PriorState
    /// For file writes: the SHA-256 of the new contents, so a re-check can tell whether the
    /// write happened. Nil for other changes.
    package var afterSHA256: String?
    /// For key changes: the new value, nil when the key is removed.
    package var afterValue: String?
    /// For file writes: the missing directories the write creates, outermost first, so a
    /// rollback removes them again (when they are empty) after removing the file.
    package var createdDirectories: [String]

    package init(target: ChangeTarget, prior: PriorState, afterSHA256: String? = nil, afterValue: String? = nil,
                 createdDirectories: [String] = []) {
        self.target = target
        self.prior = prior
        self.afterSHA256 = afterSHA256
        self.afterValue = afterValue
        self.createdDirectories = createdDirectories
    }
}
