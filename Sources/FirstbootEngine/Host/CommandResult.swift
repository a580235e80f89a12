#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a child process ended. An exit code and a signal are different facts and are kept
/// apart; a timeout is reported as such even though the child ended by our signal.
package enum Termination: Hashable, Sendable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)
    case timedOut

    package var description: String {
        switch self {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): "killed by signal \(signal)"
        case .timedOut: "timed out"
        }
    }
}

/// What a command did: how it ended, what it printed (up to the output limit) and how long
/// it took.
package struct CommandResult: Hashable, Sendable {
    package var termination: Termination
    package var stdout: Data
    package var stderr: Data
    /// Seconds from spawn to reaping.
    package var duration: Double
    /// True when a stream produced more than the command's output limit.
    package var truncated: Bool

    package init(
        termination: Termination, stdout: Data = Data(), stderr: Data = Data(),
        duration: Double = 0, truncated: Bool = false
    ) {
        self.termination = termination
        self.stdout = stdout
        self.stderr = stderr
        self.duration = duration
        self.truncated = truncated
    }

    package static func exited(_ code: Int32, stdout: String = "", stderr: String = "") -> CommandResult {
        CommandResult(termination: .exited(code), stdout: Data(stdout.utf8), stderr: Data(stderr.utf8))
    }

    package var succeeded: Bool { termination == .exited(0) }
    package var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    package var stderrText: String { String(decoding: stderr, as: UTF8.self) }

    /// The first non-empty line of stderr (else stdout): what an error message quotes.
    package var firstErrorLine: String {
        for text in [stderrText, stdoutText] {
            if let line = text.split(separator: "\n").first(where: { !$0.trimmingWhitespace().isEmpty }) {
                return String(line)
            }
        }
        return termination.description
    }
}
