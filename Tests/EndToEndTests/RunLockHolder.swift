import FirstbootEngine
import Foundation

/// Holds a state directory's run lock from the test process, as a running apply would.
struct RunLockHolder: @unchecked Sendable {
    private let lock: RunLock
    init(stateDirectory: String) throws { lock = try RunLock.acquire(stateDirectory: stateDirectory) }
    func release() { lock.release() }

    /// Lets go `seconds` from now, from another thread, while the test runs the binary: a
    /// holder that keeps the lock for a moment. flock(2) and close(2) may come from any thread.
    func release(after seconds: Double) {
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: seconds)
            release()
        }
    }
}
