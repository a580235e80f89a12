import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The C `struct stat`, named apart from `SystemHost.stat(_:)`.
private typealias FileStatus = stat

/// stat(2), following links, named apart from `SystemHost.stat(_:)`.
private func followingStatus(_ path: String, _ info: inout FileStatus) -> Int32 {
    stat(path, &info)
}

/// The real machine behind the host seam: commands run through `ProcessRunner`, files are
/// read with POSIX calls and written durably through `DurableFile`.
///
/// Paths given to it are the target's absolute paths (`/etc/rc.conf`). With a `root` other
/// than `/` they are resolved under that directory instead (`/tmp/x/etc/rc.conf`), so tests
/// and staging trees use the same code; commands are never re-rooted.
package final class SystemHost: TargetHost, RCConfKeyEditing, Sendable {
    /// The directory the target's `/` is, without a trailing slash (empty for the real `/`).
    private let root: String
    private let runner: ProcessRunner

    package init(root: String = "/", runner: ProcessRunner = ProcessRunner()) {
        var root = root
        while root.hasSuffix("/") { root.removeLast() }
        self.root = root
        self.runner = runner
    }

    package func run(_ command: Command) throws -> CommandResult {
        try runner.run(command)
    }

    package func run(_ command: Command, tickEvery interval: Double, _ tick: (Double) -> Void) throws -> CommandResult {
        try withoutActuallyEscaping(tick) { tick in
            try runner.run(command, tick: ProcessRunner.Tick(every: interval, tick))
        }
    }

    package func readFile(_ path: String) throws -> Data? {
        let local = try resolve(path)
        let fd = retryingEINTR { open(local, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            if Self.meansMissing(errno) { return nil }
            throw HostError("cannot read \(local): \(errnoText())")
        }
        defer { close(fd) }
        var contents = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { bytes in
                retryingEINTR { read(fd, bytes.baseAddress, bytes.count) }
            }
            if count < 0 { throw HostError("cannot read \(local): \(errnoText())") }
            if count == 0 { return contents }
            contents.append(contentsOf: buffer[..<count])
        }
    }

    package func stat(_ path: String) throws -> FileStat? {
        let local = try resolve(path)
        var info = FileStatus()
        guard lstat(local, &info) == 0 else {
            if Self.meansMissing(errno) { return nil }
            throw HostError("cannot examine \(local): \(errnoText())")
        }
        let kind: FileKind =
            switch info.st_mode & S_IFMT {
            case S_IFREG: .regular
            case S_IFDIR: .directory
            case S_IFLNK: .symlink
            default: .other
            }
        return FileStat(
            kind: kind,
            mode: FileMode(truncatingIfNeeded: info.st_mode & 0o7777),
            owner: FileOwner(uid: info.st_uid, gid: info.st_gid),
            size: Int(info.st_size)
        )
    }

    package func writeFile(_ path: String, contents: Data, mode: FileMode, owner: FileOwner) throws {
        try makeParents(of: path)
        try DurableFile.replace(try resolve(path), contents: contents, mode: mode, owner: owner)
    }

    /// Every directory hier(7) lists under the paths this tool writes (/etc, /usr/local/etc,
    /// /usr/local/etc/rc.d, /var/db, …) is 0755 root:wheel, so a missing one is made so — as
    /// a fresh install would have it once a package had put a file there.
    package static let createdDirectoryMode: FileMode = 0o755

    package func removeDirectory(_ path: String) throws {
        let local = try resolve(path)
        if rmdir(local) != 0 {
            if Self.meansMissing(errno) { return }
            throw HostError("cannot remove the directory \(local): \(errnoText())")
        }
        try DurableFile.syncDirectory(DurableFile.parentDirectory(of: local))
    }

    /// Creates the missing ancestors of `path`, outermost first, each synced into its parent.
    private func makeParents(of path: String) throws {
        for directory in try missingDirectories(above: path) {
            let local = try resolve(directory)
            guard mkdir(local, mode_t(Self.createdDirectoryMode)) == 0 || errno == EEXIST else {
                throw HostError("cannot create the directory \(local): \(errnoText())")
            }
            // mkdir's mode passes through the umask; the owner is root:wheel when run as root.
            if geteuid() == 0, lchown(local, 0, 0) != 0 {
                throw HostError("cannot set owner 0:0 on \(local): \(errnoText())")
            }
            guard chmod(local, mode_t(Self.createdDirectoryMode)) == 0 else {
                throw HostError("cannot set mode \(octal(Self.createdDirectoryMode)) on \(local): \(errnoText())")
            }
            try DurableFile.syncDirectory(DurableFile.parentDirectory(of: local))
        }
    }

    package func removeFile(_ path: String) throws {
        let local = try resolve(path)
        switch try stat(path)?.kind {
        case nil:
            return
        case .directory:
            throw HostError("refusing to remove \(local): it is a directory, and only files are removed")
        default:
            try DurableFile.remove(local)
        }
    }

    package func listDirectory(_ path: String) throws -> [String]? {
        let local = try resolve(path)
        guard let directory = opendir(local) else {
            let failure = errno
            var info = FileStatus()
            if failure == ENOTDIR && followingStatus(local, &info) == 0 {
                throw HostError("cannot list \(local): it is not a directory")
            }
            if Self.meansMissing(failure) { return nil }
            throw HostError("cannot list \(local): \(errnoText(failure))")
        }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw HostError("cannot list \(local): \(errnoText())") }
                break
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        // Byte order, as ls(1) sorts in the C locale, so listings do not depend on a locale.
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The local path for a target path.
    private func resolve(_ path: String) throws -> String {
        guard path.hasPrefix("/") else {
            throw HostError("\(path) is not an absolute path; host paths start with /")
        }
        return root + path
    }

    /// Nothing is at the path: it, or one of its parent directories, does not exist.
    private static func meansMissing(_ code: Int32) -> Bool {
        code == ENOENT || code == ENOTDIR
    }
}
