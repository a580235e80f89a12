#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One thing a step wants done to the host, as data.
///
/// Steps never act: they return changes, and the engine alone applies them, records first
/// what each replaces, and can undo them. That is what makes `plan` the same computation as
/// `apply` and rollback generic.
package enum Change: Hashable, Sendable {
    /// Create or replace a file with exactly these bytes, mode and owner. When `validate` is
    /// given, the bytes are first written to a candidate file beside the destination and the
    /// validator is run on it (`{}` in the argv stands for the candidate's path); a validator
    /// that fails leaves the destination untouched and fails the step.
    case writeFile(path: String, contents: Data, mode: FileMode, owner: FileOwner, validate: [String]? = nil)
    /// Remove a file.
    case removeFile(path: String)
    /// Set `key="value"` in a shell-assignment file such as /etc/rc.conf.
    case setKey(file: String, key: String, value: String)
    /// Remove every assignment of `key` from the file.
    case unsetKey(file: String, key: String)
    /// Run a command whose effect the engine cannot observe, with what undoes it.
    case run(argv: [String], undo: CommandUndo)

    /// What the change acts on: two changes with the same target replace each other.
    package var target: ChangeTarget {
        switch self {
        case .writeFile(let path, _, _, _, _), .removeFile(let path): .file(path)
        case .setKey(let file, let key, _), .unsetKey(let file, let key): .key(file: file, key: key)
        case .run(let argv, _): .command(argv)
        }
    }
}

/// What a change acts on.
package enum ChangeTarget: Hashable, Sendable, CustomStringConvertible {
    case file(String)
    case key(file: String, key: String)
    case command([String])

    package var description: String {
        switch self {
        case .file(let path): path
        case .key(let file, let key): "\(key) in \(file)"
        case .command(let argv): Command.display(argv)
        }
    }
}

/// How the effect of a command is undone.
package enum CommandUndo: Hashable, Sendable, Codable {
    /// Run this argv (at the command's place, in reverse order).
    case command([String])
    /// Run this argv; when it fails with output containing `alreadyUndone` the effect is
    /// already gone (an interface already destroyed, pf already disabled), which is success.
    /// This is what lets an undo that was interrupted, or a command that never took effect,
    /// be undone again.
    case commandUnlessUndone([String], alreadyUndone: String)
    /// Run the same command again once the step's files and keys are restored: for commands
    /// that load what a file says, such as `pfctl -f /etc/pf.conf`.
    case rerunAfterRestore
    /// Leaves nothing rollback must put back, such as loading a kernel module that may stay.
    case nothing
    /// Cannot be undone; rollback stops here with this reason.
    case irreversible(String)
}
