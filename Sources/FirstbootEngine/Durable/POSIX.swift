#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of the current `errno`, for error messages.
package func errnoText(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
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
