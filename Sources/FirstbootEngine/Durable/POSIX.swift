
/// The text of the current `errno`, for error messages. strerror_r, not strerror: FreeBSD's
/// strerror writes one buffer shared by every thread. Swift imports the XSI strerror_r (it
/// fills the buffer, returns 0 or an error) from glibc as from FreeBSD's libc, so Linux runs
/// the same path.
package func errnoText(_ code: Int32 = errno) -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    return buffer.withUnsafeMutableBufferPointer { space in
        guard strerror_r(code, space.baseAddress!, space.count) == 0 else { return "Unknown error: \(code)" }
        return String(cString: space.baseAddress!)
    }
}

/// Retries a system call interrupted by a signal.
@discardableResult
package func retryingEINTR<T: BinaryInteger>(_ call: () -> T) -> T {
    while true {
        let result = call()
        if result == -1 && errno == EINTR { continue }
        return result
    }
}
