import FirstbootEngine

/// Holds a state directory's run lock from the test process, as a running apply would.
struct RunLockHolder {
    private let lock: RunLock
    init(stateDirectory: String) throws { lock = try RunLock.acquire(stateDirectory: stateDirectory) }
    func release() { lock.release() }
}
