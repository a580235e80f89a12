import FirstbootEngine

/// A pipe carrying one of a child's output streams to the runner.
///
/// Both ends are close-on-exec, so no other child spawned meanwhile (by this or another
/// thread) inherits them and keeps the stream open; the child gets its end through dup2,
/// which clears the flag on the copy. Both descriptors are above 2 so that dup2 onto a
/// standard descriptor never becomes a no-op that keeps the close-on-exec flag (a process
/// started with 0–2 closed would otherwise get its pipe as fd 1).
struct OutputPipe {
    let readEnd: Int32
    let writeEnd: Int32

    /// - Parameter usingPipe2: false takes the fallback of a C library without pipe2.
    static func make(for stream: String, usingPipe2: Bool = true) throws -> OutputPipe {
        var fds: [Int32] = [-1, -1]
        guard makePipe(&fds, pipe2: usingPipe2 ? Self.pipe2 : nil) == 0 else {
            throw HostError("cannot create a pipe for a command's \(stream): \(errnoText())")
        }
        let readEnd = aboveStandardDescriptors(fds[0])
        let writeEnd = aboveStandardDescriptors(fds[1])
        if let failure = readEnd.failure ?? writeEnd.failure {
            [readEnd.fd, writeEnd.fd].forEach { if $0 >= 0 { close($0) } }
            throw HostError("cannot set up a pipe for a command's \(stream): \(errnoText(failure))")
        }
        return OutputPipe(readEnd: readEnd.fd, writeEnd: writeEnd.fd)
    }

    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private static let pipe2 = cLibraryFunction("pipe2", as: Pipe2.self)

    /// pipe2 with O_CLOEXEC where the C library has it (glibc and FreeBSD do); otherwise
    /// pipe and then the flag, which leaves a short window for a concurrent spawn.
    private static func makePipe(_ fds: UnsafeMutablePointer<Int32>, pipe2: Pipe2?) -> Int32 {
        if let pipe2 { return pipe2(fds, O_CLOEXEC) }
        guard pipe(fds) == 0 else { return -1 }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return 0
    }

    func closeBoth() {
        close(readEnd)
        close(writeEnd)
    }

    /// `fd` itself when above 2, else a close-on-exec copy above 2 (the original is closed
    /// either way); on failure fd is -1 and failure holds the errno.
    private static func aboveStandardDescriptors(_ fd: Int32) -> (fd: Int32, failure: Int32?) {
        if fd > 2 { return (fd, nil) }
        let moved = fcntl(fd, F_DUPFD_CLOEXEC, 3)
        let failure = errno
        close(fd)
        return moved >= 0 ? (moved, nil) : (-1, failure)
    }
}
