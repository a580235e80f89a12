/// Whether the state directory and what is in it could only have been written by this user
/// or root. Rollback restores whatever the journal and the backups say, as root, so a journal
/// that someone else could have written is a way to overwrite any file on the host. Like
/// sshd's StrictModes, anything writable by group or others, or owned by another user, is
/// refused; so is a symbolic link where a file of the state directory should be.
package enum StateDirectoryTrust {
    /// Refuses `path` when what is there (not following a final link) is not a `directory` or
    /// regular file as asked, or could have been written by others. Nothing there is fine.
    package static func check(_ path: String, directory: Bool) throws(UntrustedStatePath) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        try check(info, path: path, directory: directory)
    }

    /// The same check on what an open descriptor refers to.
    package static func check(descriptor fd: Int32, path: String) throws(UntrustedStatePath) {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw UntrustedStatePath(path: path, problem: "cannot be examined (\(errnoText()))", fix: "check the file system")
        }
        try check(info, path: path, directory: false)
    }

    /// Opens a file of the state directory without following a symbolic link and checks it.
    /// Returns -1 with `errno` set when nothing can be opened there for another reason.
    package static func open(_ path: String, flags: Int32, mode: FileMode = 0o600) throws(UntrustedStatePath) -> Int32 {
        let fd = retryingEINTR { systemOpen(path, flags | O_NOFOLLOW | O_CLOEXEC, mode) }
        if fd < 0 {
            var info = stat()
            if errno == ELOOP || (lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK) {
                throw symbolicLink(path)
            }
            return fd
        }
        do {
            try check(descriptor: fd, path: path)
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    private static func check(_ info: stat, path: String, directory: Bool) throws(UntrustedStatePath) {
        let kind = info.st_mode & S_IFMT
        if kind == S_IFLNK { throw symbolicLink(path) }
        guard kind == (directory ? S_IFDIR : S_IFREG) else {
            throw UntrustedStatePath(path: path, problem: "is not a \(directory ? "directory" : "regular file")",
                                     fix: "move it aside")
        }
        let user = geteuid()
        if info.st_uid != user && info.st_uid != 0 {
            throw UntrustedStatePath(path: path, problem: "is owned by uid \(info.st_uid), not by uid \(user) or root",
                                     fix: "chown \(user) \(path)")
        }
        let mode = FileMode(truncatingIfNeeded: info.st_mode & 0o7777)
        if mode & 0o022 != 0 {
            throw UntrustedStatePath(path: path, problem: "is writable by \(Self.writers(mode)) (mode \(octal(mode)))",
                                     fix: "chmod go-w \(path)")
        }
    }

    private static func writers(_ mode: FileMode) -> String {
        switch (mode & 0o020 != 0, mode & 0o002 != 0) {
        case (true, true): "its group and others"
        case (true, false): "its group"
        default: "others"
        }
    }

    /// Checks the directory and every entry in it (not following links).
    package static func checkEntries(of directory: String) throws(UntrustedStatePath) {
        try check(directory, directory: true)
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) { String(cString: $0) }
            }
            if name != "." && name != ".." { try check(directory + "/" + name, directory: false) }
        }
    }

    private static func symbolicLink(_ path: String) -> UntrustedStatePath {
        UntrustedStatePath(path: path, problem: "is a symbolic link", fix: "replace the link with the file itself")
    }
}

/// open(2), named apart from `StateDirectoryTrust.open`.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: FileMode) -> Int32 {
    open(path, flags, mode_t(mode))
}

/// A state directory, journal or backup that someone other than this user or root could
/// have written. Nothing was changed when this is thrown.
package struct UntrustedStatePath: Error, Hashable, Sendable, CustomStringConvertible {
    package var path: String
    package var problem: String
    package var fix: String

    package var description: String {
        "refusing the state directory's \(path): it \(problem), so someone else could have written what rollback "
            + "would restore; nothing was changed — check its contents, then \(fix) (the state directory, its journal and "
            + "backups must be owned by root and writable by no one else)"
    }
}
