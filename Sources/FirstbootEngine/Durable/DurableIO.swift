/// The two system calls whose failures decide whether a durable write landed: write(2) and
/// fsync(2). `DurableFile` makes them through this seam so tests can make them fail part-way
/// (a short write, then ENOSPC; an fsync that reports EIO) and check what is left on disk.
package protocol DurableIO: AnyObject {
    /// As write(2): the bytes written, or -1 with `errno` set.
    func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int
    /// As fsync(2): 0, or -1 with `errno` set.
    func fsync(_ fd: Int32) -> Int32
}

/// The real calls.
package final class SystemIO: DurableIO, Sendable {
    package static let shared = SystemIO()

    package init() {}

    package func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        systemWrite(fd, buffer, count)
    }

    package func fsync(_ fd: Int32) -> Int32 {
        systemFsync(fd)
    }
}

/// write(2) and fsync(2), named apart from `SystemIO`'s methods of the same names.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
private func systemFsync(_ fd: Int32) -> Int32 { fsync(fd) }
