#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a change replaced, captured before the change was made: the before-state rollback
/// puts back.
package enum PriorState: Hashable, Sendable {
    /// Nothing existed at the path.
    case fileAbsent
    /// A file with these bytes (inline or in a backup beside the journal), mode and owner.
    case file(content: StoredContent, mode: FileMode, owner: FileOwner)
    /// The key was not assigned in the file.
    case keyUnset
    /// The key had this value.
    case key(String)
    /// A command: its undo says how to reverse it.
    case command(CommandUndo)
}

/// File bytes as the journal keeps them: small contents inline, large ones in a backup file
/// named by their SHA-256 digest.
package enum StoredContent: Hashable, Sendable {
    case inline(Data)
    case backup(sha256: String, size: Int)
}
