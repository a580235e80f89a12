import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a modelled command printed and its exit status, built up line by line.
struct CommandOutput: Equatable {
    var stdout = ""
    var stderr = ""
    var status: Int32 = 0

    init(stdout: String = "", stderr: String = "", status: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }

    static func failure(_ stderrLine: String, status: Int32 = 1) -> CommandOutput {
        CommandOutput(stderr: stderrLine + "\n", status: status)
    }

    mutating func out(_ line: String) { stdout += line + "\n" }
    mutating func err(_ line: String) { stderr += line + "\n" }

    /// Appends another command's output, as a shell script running it would.
    mutating func append(_ other: CommandOutput) {
        stdout += other.stdout
        stderr += other.stderr
        status = other.status
    }

    var result: CommandResult { .exited(status, stdout: stdout, stderr: stderr) }
}

/// An invocation the model does not cover; the host turns it into a `HostError` naming the
/// whole argv, never a silent success.
struct Unmodelled: Error {}

/// Why a modelled command stopped early: it is not modelled, or it failed with this output
/// (and, like the real program, changed nothing).
enum CommandStop: Error {
    case unmodelled
    case failed(CommandOutput)

    static func failure(_ stderrLine: String, status: Int32 = 1) -> CommandStop {
        .failed(.failure(stderrLine, status: status))
    }
}

extension CommandOutput {
    /// Runs `body`; a `.failed` stop becomes the command's output, `.unmodelled` propagates.
    static func catching(_ body: () throws(CommandStop) -> CommandOutput) throws(Unmodelled) -> CommandOutput {
        do {
            return try body()
        } catch {
            switch error {
            case .unmodelled: throw Unmodelled()
            case .failed(let output): return output
            }
        }
    }
}
