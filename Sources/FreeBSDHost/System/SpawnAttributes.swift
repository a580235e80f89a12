import FirstbootEngine

#if os(Linux)
typealias SpawnAttributesStorage = posix_spawnattr_t
#else
// FreeBSD and Darwin declare the type as a pointer to an opaque structure.
typealias SpawnAttributesStorage = posix_spawnattr_t?
#endif

/// The attributes of one posix_spawn call: the child leads a new process group, blocks no
/// signals and has the default action for every signal a caller could have ignored.
final class SpawnAttributes {
    var storage: SpawnAttributesStorage
    /// Destroying storage that was never initialized is undefined on FreeBSD.
    private var initialized = false

    init() throws {
        #if os(Linux)
        storage = posix_spawnattr_t()
        #else
        storage = nil
        #endif
        try check(posix_spawnattr_init(&storage))
        initialized = true
        // A throw from here on still runs deinit, which destroys the storage.
        try configure()
    }

    deinit {
        if initialized { posix_spawnattr_destroy(&storage) }
    }

    private func configure() throws {
        // Group 0: the child's own pid becomes its group, so a timeout can signal the
        // command together with everything it started.
        try check(posix_spawnattr_setpgroup(&storage, 0))

        var nothingBlocked = sigset_t()
        sigemptyset(&nothingBlocked)
        try check(posix_spawnattr_setsigmask(&storage, &nothingBlocked))

        // Ignored signals survive exec (caught ones do not), so a caller ignoring SIGPIPE
        // would hand that on and a command writing to a closed pipe would loop on EPIPE.
        // Only the classic signals 1–31 are reset: SIGKILL and SIGSTOP cannot be, FreeBSD's
        // posix_spawn fails on any signal it cannot reset, and the C libraries reserve
        // signals from 32 up for their threads.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in Int32(1)...31 where signal != SIGKILL && signal != SIGSTOP {
            sigaddset(&defaults, signal)
        }
        try check(posix_spawnattr_setsigdefault(&storage, &defaults))

        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        try check(posix_spawnattr_setflags(&storage, Int16(truncatingIfNeeded: flags)))
    }

    private func check(_ code: Int32) throws {
        guard code == 0 else {
            throw HostError("cannot prepare to start a command: \(errnoText(code))")
        }
    }
}
