/// A command to run: an argv whose first element is an absolute path, never a shell string.
///
/// Children get stdin from /dev/null, exactly `environment` as their environment and `/`
/// as their working directory, so a command runs the same at boot and from a login shell.
package struct Command: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The environment FreeBSD's `service(8)` gives rc scripts, plus the local prefix.
    package static let defaultEnvironment = [
        "PATH": "/sbin:/bin:/usr/sbin:/usr/bin:/usr/local/sbin:/usr/local/bin",
    ]
    /// Bytes kept from each of stdout and stderr; the rest is drained and dropped.
    package static let defaultOutputLimit = 4 << 20

    package var argv: [String]
    package var environment: [String: String]
    /// Seconds before the command's process group gets SIGTERM, then SIGKILL.
    package var timeout: Double
    package var outputLimit: Int

    package init(
        _ argv: [String],
        environment: [String: String] = Command.defaultEnvironment,
        timeout: Double = 120,
        outputLimit: Int = Command.defaultOutputLimit
    ) {
        precondition(!argv.isEmpty, "a command needs at least an executable")
        self.argv = argv
        self.environment = environment
        self.timeout = timeout
        self.outputLimit = outputLimit
    }

    package var executable: String { argv[0] }

    /// The argv as one line for messages and plans: words with spaces or quotes are quoted.
    package var description: String { Command.display(argv) }

    package static func display(_ argv: [String]) -> String {
        argv.map { word in
            let plain = !word.isEmpty && word.allSatisfy { c in
                c.isLetter || c.isNumber || "-_./:=+,@%{}<>".contains(c)
            }
            return plain ? word : "'" + word.replacingEvery("'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
