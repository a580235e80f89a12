import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Watches one spawned child until it is reaped: drains its two output pipes, enforces the
/// timeout on its process group, and decides when to stop reading.
///
/// Everything happens on the calling thread in one poll() loop. The child's exit is noticed
/// by `waitpid(WNOHANG)` between polls, at intervals that start at 1 ms and grow to 50 ms
/// (so a quick command costs nearly nothing and a long one wakes 20 times a second); a
/// SIGCHLD handler would be process-wide state shared with whatever else the process runs.
/// The same loop calls an optional tick while the child runs, so a caller can report a long
/// command without a timer thread of its own.
struct ChildSupervisor {
    /// How a supervised child ended.
    struct Outcome {
        var termination: Termination
        var stdout: CappedOutput
        var stderr: CappedOutput
        var duration: Double
    }

    private let pid: pid_t
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private let deadline: ContinuousClock.Instant?
    private let terminationGrace: Duration
    private let drainGrace: Duration

    /// Read ends still open, index 0 for stdout and 1 for stderr; -1 once closed.
    private var descriptors: [Int32]
    private var outputs: [CappedOutput]

    private var status: WaitStatus?
    private var reapedAt: ContinuousClock.Instant?
    private var killAt: ContinuousClock.Instant?
    private var killed = false
    private var checkInterval = Duration.milliseconds(1)
    private let tick: ProcessRunner.Tick?
    private var nextTick: ContinuousClock.Instant?

    /// Takes ownership of the two read ends: they are closed when `supervise` returns.
    init(
        pid: pid_t, started: ContinuousClock.Instant, stdout: Int32, stderr: Int32, outputLimit: Int,
        timeout: Double, terminationGrace: Double, drainGrace: Double, tick: ProcessRunner.Tick? = nil
    ) {
        self.pid = pid
        self.tick = tick
        self.nextTick = tick.map { started + Self.duration($0.interval) }
        self.started = started
        // Beyond a few decades (or not a number) means no deadline; it also keeps Duration
        // arithmetic, which traps on overflow, far from its limits.
        self.deadline = timeout < Self.longest ? started + Self.duration(timeout) : nil
        self.terminationGrace = Self.duration(terminationGrace)
        self.drainGrace = Self.duration(drainGrace)
        self.descriptors = [stdout, stderr]
        self.outputs = [CappedOutput(limit: outputLimit), CappedOutput(limit: outputLimit)]
    }

    /// Runs until the child is reaped and reading has stopped; closes both read ends.
    ///
    /// - Throws: `HostError` only when the child's status was collected by someone else
    ///   (the process ignores SIGCHLD), after the pipes are closed.
    mutating func supervise() throws -> Outcome {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 1)
        defer {
            buffer.deallocate()
            closeAllDescriptors()
        }
        while true {
            try reapIfExited()
            enforceTimeout()
            let now = clock.now
            if status == nil, let tick, let due = nextTick, now >= due {
                tick.call(Self.seconds(now - started))
                nextTick = clock.now + Self.duration(tick.interval)
            }
            if let reapedAt, now >= reapedAt + drainGrace {
                // Whoever still holds a pipe is a descendant the command left running (a
                // daemon): its output is not the command's, and it must not hold us up.
                closeAllDescriptors()
            }
            if status != nil && !descriptors.contains(where: { $0 >= 0 }) && teardownFinished() {
                break
            }
            wait(until: nextWakeUp(now: now), reading: buffer)
        }
        let termination = killAt != nil ? Termination.timedOut : status!.termination
        let duration = Self.seconds(reapedAt! - started)
        return Outcome(termination: termination, stdout: outputs[0], stderr: outputs[1], duration: duration)
    }

    private mutating func reapIfExited() throws {
        guard status == nil else { return }
        var raw: Int32 = 0
        let result = retryingEINTR { waitpid(pid, &raw, WNOHANG) }
        if result == pid {
            status = WaitStatus(raw: raw)
            reapedAt = clock.now
        } else if result < 0 {
            throw HostError(
                "lost the exit status of process \(pid) (\(errnoText())): something else reaped it; SIGCHLD must not be ignored"
            )
        }
    }

    /// At the deadline the whole group gets SIGTERM; after the grace it gets SIGKILL, unless
    /// the child has been reaped and nothing is left in its group.
    private mutating func enforceTimeout() {
        let now = clock.now
        if killAt == nil, status == nil, let deadline, now >= deadline {
            kill(-pid, SIGTERM)
            killAt = now + terminationGrace
        }
        if let killAt, !killed, now >= killAt {
            kill(-pid, SIGKILL)
            killed = true
        }
    }

    /// After a timeout, returning waits until the group is gone or has been sent SIGKILL.
    /// Without a timeout the group is left alone: daemons a command starts must survive it.
    private func teardownFinished() -> Bool {
        guard killAt != nil, !killed else { return true }
        return kill(-pid, 0) != 0 && errno == ESRCH
    }

    private mutating func nextWakeUp(now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        var wakeUps: [ContinuousClock.Instant] = []
        // Waiting for the child to exit, or after a timeout for its group to empty: both
        // can only be seen by asking.
        if status == nil || (killAt != nil && !killed) {
            wakeUps.append(now + checkInterval)
            checkInterval = min(checkInterval * 2, .milliseconds(50))
        }
        if status == nil, killAt == nil, let deadline { wakeUps.append(deadline) }
        if let reapedAt, descriptors.contains(where: { $0 >= 0 }) { wakeUps.append(reapedAt + drainGrace) }
        if let killAt, !killed { wakeUps.append(killAt) }
        return wakeUps.min() ?? now
    }

    /// Reads whatever arrives before `wakeUp`, or just sleeps when both pipes are closed.
    private mutating func wait(until wakeUp: ContinuousClock.Instant, reading buffer: UnsafeMutableRawBufferPointer) {
        let remaining = wakeUp - clock.now
        let milliseconds = remaining <= .zero ? 0 : Int32(min((Self.seconds(remaining) * 1000).rounded(.up), 60_000))
        let open = descriptors.indices.filter { descriptors[$0] >= 0 }
        guard !open.isEmpty else {
            if milliseconds > 0 { usleep(UInt32(milliseconds) * 1000) }
            return
        }
        var polled = open.map { pollfd(fd: descriptors[$0], events: Int16(POLLIN), revents: 0) }
        let ready = poll(&polled, nfds_t(polled.count), milliseconds)
        if ready < 0 {
            // EINTR: the loop comes straight back. Anything else cannot be waited out.
            if errno != EINTR { closeAllDescriptors() }
            return
        }
        for (slot, index) in open.enumerated() where polled[slot].revents != 0 {
            drain(stream: index, into: buffer)
        }
    }

    private mutating func drain(stream index: Int, into buffer: UnsafeMutableRawBufferPointer) {
        let count = retryingEINTR { read(descriptors[index], buffer.baseAddress, buffer.count) }
        if count > 0 {
            outputs[index].append(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            return
        }
        // End of file, or an error that no retry will fix: this stream is finished.
        close(descriptors[index])
        descriptors[index] = -1
        if !descriptors.contains(where: { $0 >= 0 }) {
            // The child most likely just exited: look soon.
            checkInterval = .milliseconds(1)
        }
    }

    private mutating func closeAllDescriptors() {
        for index in descriptors.indices where descriptors[index] >= 0 {
            close(descriptors[index])
            descriptors[index] = -1
        }
    }

    private static let longest: Double = 1e9

    /// `seconds` as a Duration: negative or NaN is zero, and the longest is ~30 years.
    private static func duration(_ seconds: Double) -> Duration {
        guard seconds > 0 else { return .zero }
        return .seconds(min(seconds, longest))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
