#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The host seam: the one boundary between the engine (and the steps) and a machine.
///
/// Two implementations exist in `FreeBSDHost`: `SystemHost` acts on the real system,
/// `SimulatedHost` on a model of a FreeBSD host loaded from a host profile. Tests of the
/// engine use an in-memory fake. Everything a step observes and everything the engine
/// changes goes through these few calls, so a dry run, a fault injection and a real run
/// differ only in which host is passed.
package protocol TargetHost: AnyObject {
    /// Runs `command` and waits for it. A non-zero exit is a result, not an error; the call
    /// throws only when the command could not be started at all.
    func run(_ command: Command) throws -> CommandResult

    /// Runs `command` like `run(_:)` and, while it runs, calls `tick` with the seconds elapsed,
    /// about every `interval` seconds. A host whose commands end at once never calls it.
    func run(_ command: Command, tickEvery interval: Double, _ tick: (Double) -> Void) throws -> CommandResult

    /// The file's bytes, or nil when nothing exists at `path`.
    func readFile(_ path: String) throws -> Data?

    /// What is at `path` (without following a final symlink), or nil when nothing is.
    func stat(_ path: String) throws -> FileStat?

    /// Replaces or creates the file durably (temporary file, fsync, rename, fsync of the
    /// directory) with exactly this mode and owner. Refuses to write through a symlink. Missing
    /// parent directories are created as FreeBSD's hier(7) has them: 0755, root:wheel.
    func writeFile(_ path: String, contents: Data, mode: FileMode, owner: FileOwner) throws

    /// Removes an empty directory; one that is missing is not an error, one with entries is.
    /// Hosts whose directories exist only as the parents of files (the simulated host) have
    /// nothing to remove once the files are gone.
    func removeDirectory(_ path: String) throws

    /// Removes the file; removing a file that does not exist is not an error.
    func removeFile(_ path: String) throws

    /// Names of the entries of a directory, sorted; nil when the directory does not exist.
    func listDirectory(_ path: String) throws -> [String]?

    /// The value of a shell-style `key="value"` assignment file such as rc.conf: the last
    /// assignment wins; nil when the key is not assigned in that file.
    func readKey(_ key: String, inFile path: String) throws -> String?

    /// Sets (`value` non-nil) or removes every assignment of (`value` nil) `key` in the file,
    /// keeping the rest of the file byte for byte. A missing file is created (0644, root).
    func writeKey(_ key: String, value: String?, inFile path: String) throws
}

extension TargetHost {
    /// The ancestors of `path` that do not exist yet, outermost first: what writing `path`
    /// creates.
    package func missingDirectories(above path: String) throws -> [String] {
        var missing: [String] = []
        var directory = DurableFile.parentDirectory(of: path)
        while directory != "/" && directory != "." && !directory.isEmpty {
            guard try stat(directory) == nil else { break }
            missing.insert(directory, at: 0)
            directory = DurableFile.parentDirectory(of: directory)
        }
        return missing
    }

    package func removeDirectory(_ path: String) throws {
        if let names = try listDirectory(path), !names.isEmpty {
            throw HostError("cannot remove the directory \(path): it is not empty")
        }
    }

    package func run(_ command: Command, tickEvery interval: Double, _ tick: (Double) -> Void) throws -> CommandResult {
        try run(command)
    }
}
