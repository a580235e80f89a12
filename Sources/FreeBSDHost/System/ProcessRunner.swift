import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs a `Command` as a child process with posix_spawn and waits for it.
///
/// `Foundation.Process` is not used: it stalls when a child fills a pipe nobody reads, and
/// waits for daemons that a command leaves holding its output. This runner guarantees:
///
/// - **Exact start.** `argv[0]` must be an absolute path (nothing is looked up in `PATH`);
///   the child's environment is exactly `Command.environment`, its stdin is `/dev/null`,
///   its working directory is `/` (where the C library has `addchdir_np`), and it inherits
///   no other descriptor of ours (`addclosefrom_np` where available, close-on-exec always).
/// - **Own process group, clean signals.** The child leads a new process group, blocks no
///   signals and has default actions for signals 1–31, so an ignored SIGPIPE or SIGINT in
///   this process does not leak into it.
/// - **No pipe deadlock.** stdout and stderr are drained concurrently in one poll() loop.
///   Each keeps at most `Command.outputLimit` bytes; the rest is read and dropped and the
///   result says `truncated`.
/// - **Exit and signal apart.** An exit code is `.exited(code)`, death by a signal
///   `.signaled(number)`.
/// - **Timeout.** After `Command.timeout` seconds the child's whole process group gets
///   SIGTERM, and SIGKILL after `terminationGrace` seconds if the child has not ended or
///   anything is left in its group; the result is `.timedOut`.
/// - **Daemons do not hold us.** Once the child is reaped, its pipes are read for at most
///   `drainGrace` more seconds: a background process it started (as `service … start`
///   does) may keep them open for ever. Without a timeout such processes are left running.
/// - **Nothing leaks.** The child is always reaped (no zombie), every descriptor is closed
///   on every path, and `duration` is measured on a monotonic clock from spawn to reaping.
///
/// A non-zero exit, a signal or a timeout is a result; `run` throws `HostError` only when
/// the command cannot be started (relative or missing executable, NUL bytes in an argument
/// or variable, no pipes) or, if this process ignores SIGCHLD, when its status is lost.
package struct ProcessRunner: Sendable {
    /// Seconds between SIGTERM and SIGKILL to a timed-out command's process group.
    package var terminationGrace: Double
    /// Seconds the pipes are still read after the child has been reaped.
    package var drainGrace: Double
    /// Whether the C library's optional functions (`pipe2`, `addchdir_np`, `addclosefrom_np`)
    /// are used where they exist. Tests turn this off to run the fallbacks that a C library
    /// without them takes, which the Linux and FreeBSD builds would otherwise never run.
    package var usesCLibraryExtensions = true

    package init(terminationGrace: Double = 2, drainGrace: Double = 0.15) {
        self.terminationGrace = terminationGrace
        self.drainGrace = drainGrace
    }

    /// Called from the wait loop while a command runs, with the seconds since it started.
    package struct Tick {
        /// Seconds between calls (at least this long; the loop wakes every 50 ms at most).
        package var interval: Double
        package var call: (Double) -> Void

        package init(every interval: Double, _ call: @escaping (Double) -> Void) {
            self.interval = interval
            self.call = call
        }
    }

    /// Runs `command` to completion. See the type's documentation for the guarantees.
    /// `tick`, when given, is called on this thread while the command runs, never after it
    /// has been reaped.
    package func run(_ command: Command, tick: Tick? = nil) throws -> CommandResult {
        try Self.validate(command)
        let extensions = usesCLibraryExtensions
        let stdout = try OutputPipe.make(for: "stdout", usingPipe2: extensions)
        let stderr: OutputPipe
        do {
            stderr = try OutputPipe.make(for: "stderr", usingPipe2: extensions)
        } catch {
            stdout.closeBoth()
            throw error
        }
        let started = ContinuousClock.now
        let pid: pid_t
        do {
            pid = try Self.spawn(command, stdout: stdout.writeEnd, stderr: stderr.writeEnd, extensions: extensions)
        } catch {
            stdout.closeBoth()
            stderr.closeBoth()
            throw error
        }
        // Only the child may hold the write ends, or the pipes would never reach end of file.
        close(stdout.writeEnd)
        close(stderr.writeEnd)

        var supervisor = ChildSupervisor(
            pid: pid, started: started, stdout: stdout.readEnd, stderr: stderr.readEnd,
            outputLimit: command.outputLimit, timeout: command.timeout,
            terminationGrace: terminationGrace, drainGrace: drainGrace, tick: tick
        )
        let outcome = try supervisor.supervise()
        return CommandResult(
            termination: outcome.termination,
            stdout: outcome.stdout.data,
            stderr: outcome.stderr.data,
            duration: outcome.duration,
            truncated: outcome.stdout.truncated || outcome.stderr.truncated
        )
    }

    static func validate(_ command: Command) throws {
        guard command.executable.hasPrefix("/") else {
            throw HostError(
                "refusing to run \(command.executable): a command's executable must be an absolute path such as /sbin/ifconfig"
            )
        }
        if let word = command.argv.first(where: { $0.utf8.contains(0) }) {
            throw HostError("cannot run \(command.executable): argument \(Command.display([word])) contains a NUL byte")
        }
        for (name, value) in command.environment {
            if name.isEmpty || name.contains("=") || name.utf8.contains(0) || value.utf8.contains(0) {
                throw HostError(
                    "cannot run \(command.executable): environment variable \(Command.display([name])) is not a valid name=value pair"
                )
            }
        }
    }

    /// Starts `command` with stdin from /dev/null and the given descriptors (nil: /dev/null)
    /// as stdout and stderr, in its own process group, and returns its pid.
    static func spawn(_ command: Command, stdout: Int32?, stderr: Int32?, extensions: Bool = true) throws -> pid_t {
        let actions = try SpawnFileActions(usingExtensions: extensions)
        try actions.open(0, path: "/dev/null", flags: O_RDONLY)
        if let stdout { try actions.duplicate(stdout, as: 1) } else { try actions.open(1, path: "/dev/null", flags: O_WRONLY) }
        if let stderr { try actions.duplicate(stderr, as: 2) } else { try actions.open(2, path: "/dev/null", flags: O_WRONLY) }
        try actions.closeAll(from: 3)
        try actions.changeDirectory(to: "/")
        let attributes = try SpawnAttributes()

        let environment = command.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let code = withCStringArray(command.argv) { argv in
            withCStringArray(environment) { envp in
                posix_spawn(&pid, command.executable, &actions.storage, &attributes.storage, argv, envp)
            }
        }
        guard code == 0 else {
            throw HostError("cannot run \(command.executable): \(errnoText(code))")
        }
        return pid
    }
}
