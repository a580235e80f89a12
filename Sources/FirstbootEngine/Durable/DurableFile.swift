#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Durable file operations on the local file system.
///
/// `Data.write(options: .atomic)` loses modes and skips the directory fsync, so a power cut
/// can leave the old name pointing nowhere. Every file this project writes for real goes
/// through `replace`: a temporary file in the same directory, mode and owner set on the
/// descriptor, all bytes written, fsync, rename over the destination, fsync of the directory.
package enum DurableFile {
    /// Atomically replaces (or creates) `path` with `contents`.
    ///
    /// - Parameter owner: set with fchown when given; nil keeps the creating user.
    /// - Throws: `HostError` naming the path; the temporary file is removed on any failure
    ///   and the destination is left as it was.
    package static func replace(_ path: String, contents: Data, mode: FileMode, owner: FileOwner? = nil,
                                io: any DurableIO = SystemIO.shared) throws {
        var existing = stat()
        if lstat(path, &existing) == 0 {
            if (existing.st_mode & S_IFMT) == S_IFLNK {
                throw HostError("refusing to write \(path): it is a symbolic link; remove the link or write the file it points to")
            }
            if (existing.st_mode & S_IFMT) == S_IFDIR {
                throw HostError("cannot write \(path): it is a directory")
            }
        }
        let directory = parentDirectory(of: path)
        let name = PathName.lastComponent(of: path)
        let temporary = directory + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        let fd = retryingEINTR { open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
        guard fd >= 0 else {
            throw HostError("cannot create a temporary file in \(directory): \(errnoText())")
        }
        var committed = false
        defer {
            if !committed { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            if let owner, fchown(fd, owner.uid, owner.gid) != 0 {
                throw HostError("cannot set owner \(owner) on \(path): \(errnoText())")
            }
            // After fchown: chown may clear setuid bits, so the mode goes last.
            if fchmod(fd, mode_t(mode)) != 0 {
                throw HostError("cannot set mode \(octal(mode)) on \(path): \(errnoText())")
            }
            try writeAll(fd, contents, path: path, io: io)
            if io.fsync(fd) != 0 {
                throw HostError("cannot flush \(path) to disk: \(errnoText())")
            }
        }
        if rename(temporary, path) != 0 {
            throw HostError("cannot move the new \(path) into place: \(errnoText())")
        }
        committed = true
        try syncDirectory(directory)
    }

    /// Appends `contents` to `path` (creating it with `mode`) and fsyncs before returning.
    ///
    /// All or nothing: when a write fails part-way (a short write, then ENOSPC) or the bytes
    /// are written but fsync fails, the file is cut back through the same descriptor to its
    /// length before the append, so no partial line is left for the next append to join.
    /// A failed fsync is not retried: after it the kernel's copy is in an unknown state, so
    /// the caller must treat the write as failed even though the truncation may land.
    package static func append(_ path: String, contents: Data, mode: FileMode = 0o600, io: any DurableIO = SystemIO.shared) throws {
        let fd = retryingEINTR { open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, mode_t(mode)) }
        guard fd >= 0 else {
            throw HostError("cannot open \(path) for appending: \(errnoText())")
        }
        defer { close(fd) }
        var before = stat()
        guard fstat(fd, &before) == 0 else {
            throw HostError("cannot examine \(path): \(errnoText())")
        }
        do {
            try writeAll(fd, contents, path: path, io: io)
            if io.fsync(fd) != 0 {
                throw HostError("cannot flush \(path) to disk: \(errnoText())")
            }
        } catch let failure as HostError {
            let code = errno
            if ftruncate(fd, before.st_size) != 0 {
                throw HostError("\(failure.message); cutting it back to its \(before.st_size) bytes failed too: \(errnoText())")
            }
            _ = io.fsync(fd)
            errno = code
            throw failure
        }
        if before.st_size == 0 { try syncDirectory(parentDirectory(of: path)) }
    }

    /// Removes `path`, then fsyncs its directory. A missing file is not an error.
    package static func remove(_ path: String) throws {
        if unlink(path) != 0 {
            if errno == ENOENT { return }
            throw HostError("cannot remove \(path): \(errnoText())")
        }
        try syncDirectory(parentDirectory(of: path))
    }

    /// Creates `path` and any missing parents with `mode`.
    package static func makeDirectory(_ path: String, mode: FileMode = 0o700) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw HostError("\(path) exists and is not a directory")
            }
            return
        }
        let parent = parentDirectory(of: path)
        if parent != path { try makeDirectory(parent, mode: 0o755) }
        if mkdir(path, mode_t(mode)) != 0 && errno != EEXIST {
            throw HostError("cannot create directory \(path): \(errnoText())")
        }
    }

    /// Flushes a directory's entries so a rename or unlink in it survives a power cut.
    package static func syncDirectory(_ directory: String) throws {
        let fd = retryingEINTR { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else {
            throw HostError("cannot open directory \(directory) to flush it: \(errnoText())")
        }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL {
            throw HostError("cannot flush directory \(directory): \(errnoText())")
        }
    }

    package static func parentDirectory(of path: String) -> String {
        let parent = PathName.deletingLastComponent(of: path)
        return parent.isEmpty ? "." : parent
    }

    private static func writeAll(_ fd: Int32, _ contents: Data, path: String, io: any DurableIO) throws {
        try contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = retryingEINTR { io.write(fd, buffer.baseAddress! + offset, buffer.count - offset) }
                if written < 0 {
                    throw HostError("cannot write \(path): \(errnoText())")
                }
                offset += written
            }
        }
    }
}
