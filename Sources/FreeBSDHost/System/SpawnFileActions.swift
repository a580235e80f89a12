import FirstbootEngine

#if os(Linux)
typealias SpawnFileActionsStorage = posix_spawn_file_actions_t
#else
// FreeBSD and Darwin declare the type as a pointer to an opaque structure.
typealias SpawnFileActionsStorage = posix_spawn_file_actions_t?
#endif

/// The file actions of one posix_spawn call: what the child's descriptors and working
/// directory are before it executes the command.
///
/// `addchdir_np` and `addclosefrom_np` are extensions (glibc 2.29/2.34, FreeBSD 13.1) that
/// older C libraries lack, so they are looked up at run time rather than linked: the runner
/// then builds everywhere and uses them wherever they exist. Without `addclosefrom_np` the
/// child still inherits nothing of ours that is close-on-exec, which every descriptor this
/// project opens is; without `addchdir_np` it keeps the caller's working directory.
final class SpawnFileActions {
    var storage: SpawnFileActionsStorage
    /// Destroying storage that was never initialized is undefined on FreeBSD.
    private var initialized = false
    private let addChdir: AddChdir?
    private let addClosefrom: AddClosefrom?

    /// - Parameter usingExtensions: false acts as a C library without the two extensions.
    init(usingExtensions: Bool = true) throws {
        addChdir = usingExtensions ? Self.addChdirFunction : nil
        addClosefrom = usingExtensions ? Self.addClosefromFunction : nil
        #if os(Linux)
        storage = posix_spawn_file_actions_t()
        #else
        storage = nil
        #endif
        let code = posix_spawn_file_actions_init(&storage)
        guard code == 0 else {
            throw HostError("cannot prepare to start a command: \(errnoText(code))")
        }
        initialized = true
    }

    deinit {
        if initialized { posix_spawn_file_actions_destroy(&storage) }
    }

    func open(_ fd: Int32, path: String, flags: Int32) throws {
        try check(posix_spawn_file_actions_addopen(&storage, fd, path, flags, 0))
    }

    func duplicate(_ fd: Int32, as target: Int32) throws {
        try check(posix_spawn_file_actions_adddup2(&storage, fd, target))
    }

    /// Closes every descriptor from `lowest` up in the child, where the C library can.
    func closeAll(from lowest: Int32) throws {
        guard let addClosefrom else { return }
        try check(addClosefrom(&storage, lowest))
    }

    /// Makes `directory` the child's working directory, where the C library can.
    func changeDirectory(to directory: String) throws {
        guard let addChdir else { return }
        try check(addChdir(&storage, directory))
    }

    private func check(_ code: Int32) throws {
        guard code == 0 else {
            throw HostError("cannot prepare to start a command: \(errnoText(code))")
        }
    }

    private typealias AddChdir = @convention(c) (
        UnsafeMutablePointer<SpawnFileActionsStorage>, UnsafePointer<CChar>
    ) -> Int32
    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<SpawnFileActionsStorage>, Int32) -> Int32

    private static let addChdirFunction = cLibraryFunction("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
    private static let addClosefromFunction = cLibraryFunction("posix_spawn_file_actions_addclosefrom_np", as: AddClosefrom.self)
}
