import FirstbootEngine
import FreeBSDHost
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct ProcessRunnerTests {
    let runner = ProcessRunner()

    private func shell(_ script: String, timeout: Double = 60, outputLimit: Int = Command.defaultOutputLimit) -> Command {
        Command(["/bin/sh", "-c", script], timeout: timeout, outputLimit: outputLimit)
    }

    @Test(arguments: [
        "head -c 5000000 /dev/zero; head -c 5000000 /dev/zero >&2",
        "head -c 5000000 /dev/zero >&2; head -c 5000000 /dev/zero",
    ])
    func megabytesOnBothStreamsAreDrainedCompletely(script: String) throws {
        let result = try runner.run(shell(script, outputLimit: 8 << 20))
        #expect(result.termination == .exited(0))
        #expect(result.stdout.count == 5_000_000)
        #expect(result.stderr.count == 5_000_000)
        #expect(!result.truncated)
    }

    @Test func outputBeyondTheLimitIsReadAndDropped() throws {
        let result = try runner.run(
            shell("head -c 5000000 /dev/zero; echo short >&2; exit 4", outputLimit: 1000)
        )
        // The child was not blocked on a full pipe: it got to its exit.
        #expect(result.termination == .exited(4))
        #expect(result.stdout == Data(count: 1000))
        #expect(result.stderrText == "short\n")
        #expect(result.truncated)
    }

    @Test func outputExactlyAtTheLimitIsNotTruncated() throws {
        let result = try runner.run(shell("printf 12345", outputLimit: 5))
        #expect(result.stdoutText == "12345")
        #expect(!result.truncated)
    }

    @Test(arguments: [
        ("exit 0", Termination.exited(0)),
        ("exit 3", Termination.exited(3)),
        ("exit 255", Termination.exited(255)),
        ("kill -KILL $$", Termination.signaled(SIGKILL)),
        ("kill -TERM $$", Termination.signaled(SIGTERM)),
    ])
    func exitCodesAndSignalsAreKeptApart(script: String, expected: Termination) throws {
        #expect(try runner.run(shell(script)).termination == expected)
    }

    @Test func aTimeoutKillsTheWholeProcessGroup() throws {
        let (result, elapsed) = try timed { try runner.run(shell("sleep 30 & echo $!; sleep 30", timeout: 0.5)) }
        #expect(result.termination == .timedOut)
        // Loose bound: the runner did not wait for either sleep.
        #expect(elapsed < 10)
        let grandchild = try #require(ProcessProbe.pid(in: result.stdoutText))
        #expect(ProcessProbe.waitUntilGone(grandchild))
    }

    @Test(arguments: [Double.infinity, .nan, 1e300])
    func anUnboundedTimeoutIsNoTimeout(timeout: Double) throws {
        let result = try runner.run(Command(["/bin/echo", "done"], timeout: timeout))
        #expect(result.termination == .exited(0))
        #expect(result.stdoutText == "done\n")
    }

    @Test func aChildThatIgnoresSIGTERMIsKilled() throws {
        let result = try runner.run(shell("trap '' TERM; echo ready; while :; do sleep 1; done", timeout: 0.3))
        #expect(result.termination == .timedOut)
        #expect(result.stdoutText == "ready\n")
    }

    @Test func aDaemonWithItsOwnOutputDoesNotHoldTheRunner() throws {
        let (result, elapsed) = try timed { try runner.run(shell("sleep 30 >/dev/null 2>&1 & echo $!")) }
        let daemon = try #require(ProcessProbe.pid(in: result.stdoutText))
        defer { kill(daemon, SIGKILL) }
        #expect(result.termination == .exited(0))
        // Loose bound: 30 s would mean the runner waited for the daemon.
        #expect(elapsed < 5)
        // Starting a service must leave it running.
        #expect(ProcessProbe.isRunning(daemon))
    }

    @Test func aDaemonHoldingTheOutputPipeDoesNotHoldTheRunner() throws {
        let (result, elapsed) = try timed { try runner.run(shell("sleep 30 & echo $!; echo started >&2")) }
        let daemon = try #require(ProcessProbe.pid(in: result.stdoutText))
        defer { kill(daemon, SIGKILL) }
        #expect(result.termination == .exited(0))
        #expect(result.stderrText == "started\n")
        // Loose bound: 30 s would mean the runner waited for the daemon.
        #expect(elapsed < 5)
    }

    @Test func theEnvironmentIsExactlyTheCommands() throws {
        let command = Command(["/usr/bin/env"], environment: ["ALPHA": "1", "BETA": "two words", "EMPTY": ""])
        let result = try runner.run(command)
        #expect(result.stdoutText.split(separator: "\n").sorted() == ["ALPHA=1", "BETA=two words", "EMPTY="])
    }

    @Test func stdinIsDevNull() throws {
        let result = try runner.run(Command(["/bin/cat"], timeout: 20))
        #expect(result.termination == .exited(0))
        #expect(result.stdout.isEmpty)
    }

    @Test func theWorkingDirectoryIsRoot() throws {
        let result = try runner.run(Command(["/bin/pwd"]))
        #expect(result.stdoutText == "/\n")
    }

    @Test func ignoredSIGPIPEIsNotHandedToTheChild() throws {
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        // yes(1) ends by SIGPIPE (status 141 in sh) only when SIGPIPE has its default action.
        let result = try runner.run(shell("(/usr/bin/yes; echo $? >&2) | /usr/bin/head -c 1 >/dev/null"))
        #expect(result.stderrText == "141\n")
    }

    @Test func blockedSignalsAreNotHandedToTheChild() throws {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let result = try runner.run(shell("kill -TERM $$; exit 0"))
        #expect(result.termination == .signaled(SIGTERM))
    }

    @Test func theChildInheritsOnlyItsThreeStandardDescriptors() throws {
        // A descriptor of ours without close-on-exec, as a library might leave one.
        let stray = open("/dev/null", O_RDONLY)
        defer { close(stray) }
        // The shell tries each descriptor (no /proc needed, so this runs the same on FreeBSD).
        let result = try runner.run(shell("for fd in 3 4 5 6 7 8 9 \(stray); do if (: <&$fd) 2>/dev/null; then echo $fd; fi; done"))
        let descriptors = result.stdoutText.split(separator: "\n").compactMap { Int32($0) }
        #expect(descriptors.isEmpty, "open in the child: \(descriptors)")
    }

    @Test func theChildLeadsItsOwnProcessGroup() throws {
        // $$ is the child's pid; -o pgid prints its process group.
        let result = try runner.run(shell("echo $$; ps -o pgid= -p $$"))
        let lines = result.stdoutText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.count == 2 && lines[0] == lines[1])
    }

    @Test func aRelativeExecutableIsRefused() throws {
        let error = #expect(throws: HostError.self) { try runner.run(Command(["sh", "-c", "true"])) }
        #expect(error?.message.contains("sh") == true)
        #expect(error?.message.contains("absolute") == true)
    }

    @Test func aMissingExecutableIsAnErrorNamingIt() throws {
        let error = #expect(throws: HostError.self) { try runner.run(Command(["/nonexistent/tool"])) }
        #expect(error?.message.contains("/nonexistent/tool") == true)
    }

    @Test func aNulByteInAnArgumentIsRefused() throws {
        #expect(throws: HostError.self) { try runner.run(Command(["/bin/echo", "a\u{0}b"])) }
        #expect(throws: HostError.self) { try runner.run(Command(["/bin/echo"], environment: ["A=B": "c"])) }
    }

    @Test func manyRunsLeaveNoDescriptorsBehind() throws {
        let before = openDescriptorCount()
        for _ in 0..<50 {
            _ = try runner.run(Command(["/bin/echo", "hello"]))
            _ = try? runner.run(Command(["/nonexistent/tool"]))
        }
        // Other tests run alongside and open descriptors of their own: a leak of one per run
        // would add a hundred.
        #expect(openDescriptorCount() < before + 20)
    }

    /// The value of `body` and the seconds it took.
    private func timed<Value>(_ body: () throws -> Value) rethrows -> (Value, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let elapsed = clock.now - start
        return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Descriptors open in this process (a probe of fds 0 to 1023).
    private func openDescriptorCount() -> Int {
        (0..<1024).filter { fcntl(Int32($0), F_GETFD) != -1 }.count
    }
}
