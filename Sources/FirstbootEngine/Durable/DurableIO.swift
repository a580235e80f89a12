#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #elseif canImport(Musl)
        Musl.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    package func fsync(_ fd: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.fsync(fd)
        #elseif canImport(Musl)
        Musl.fsync(fd)
        #else
        Darwin.fsync(fd)
        #endif
    }
}
