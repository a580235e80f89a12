import FirstbootEngine
import FreeBSDHost
import Foundation
import Testing

/// The runner as it works on a C library without `pipe2`, `posix_spawn_file_actions_addchdir_np`
/// and `..._addclosefrom_np`: Linux and FreeBSD have them, so without this the fallbacks
/// would never run.
@Suite struct ProcessRunnerFallbackTests {
    var runner: ProcessRunner {
        var runner = ProcessRunner()
        runner.usesCLibraryExtensions = false
        return runner
    }

    @Test func outputExitStatusAndSignalsStillComeBack() throws {
        let result = try runner.run(Command(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"]))
        #expect(result.termination == .exited(3))
        #expect(result.stdoutText == "out\n" && result.stderrText == "err\n")
        #expect(try runner.run(Command(["/bin/sh", "-c", "kill -TERM $$"])).termination == .signaled(SIGTERM))
    }

    /// pipe + fcntl(FD_CLOEXEC) instead of pipe2: the runner's pipes still do not reach the
    /// child. (Without addclosefrom_np a descriptor this process left inheritable does — the
    /// documented limit — so only those may show up.)
    @Test func theRunnersOwnPipesAreNotInherited() throws {
        let result = try runner.run(Command(["/bin/sh", "-c", "for fd in $(seq 3 30); do if (: <&$fd) 2>/dev/null; then echo $fd; fi; done"]))
        let inheritable = Set((3...30).filter { fd in
            let flags = fcntl(Int32(fd), F_GETFD)
            return flags >= 0 && flags & FD_CLOEXEC == 0
        })
        let open = Set(result.stdoutText.split(separator: "\n").compactMap { Int($0) })
        #expect(open.isSubset(of: inheritable), "open in the child but not inheritable here: \(open.subtracting(inheritable).sorted())")
    }

    /// Without addchdir_np the child keeps the caller's working directory (documented).
    @Test func withoutAddchdirTheChildKeepsOurDirectory() throws {
        let result = try runner.run(Command(["/bin/sh", "-c", "pwd -P"]))
        let ours = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        #expect(result.stdoutText == ours + "\n")
        #expect(try ProcessRunner().run(Command(["/bin/sh", "-c", "pwd -P"])).stdoutText == "/\n")
    }
}
