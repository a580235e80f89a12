import FirstbootEngine
import Foundation
import FreeBSDHost
import TestSupport

/// How an operator may name the tool's files: each of `--config`, `--state-dir` and
/// `--host-profile` absolute or relative to the working directory, which is another one than
/// the repository's. Generated: every combination, and all absolute from `/`.
struct InvocationForm: CustomStringConvertible, Sendable {
    var relativeConfig: Bool
    var relativeState: Bool
    var relativeProfile: Bool
    var fromRoot = false

    static var all: [InvocationForm] {
        var forms: [InvocationForm] = []
        for mask in 0..<8 {
            forms.append(InvocationForm(relativeConfig: mask & 1 != 0, relativeState: mask & 2 != 0, relativeProfile: mask & 4 != 0))
        }
        return forms + [InvocationForm(relativeConfig: false, relativeState: false, relativeProfile: false, fromRoot: true)]
    }

    var isRelative: Bool { relativeConfig || relativeState || relativeProfile }

    var description: String {
        if fromRoot { return "all absolute, run from /" }
        let named = [("--config", relativeConfig), ("--state-dir", relativeState), ("--host-profile", relativeProfile)]
        let relative = named.filter(\.1).map(\.0)
        return relative.isEmpty ? "all absolute, run from a scratch directory" : "relative \(relative.joined(separator: " ")), run from a scratch directory"
    }
}

/// The built binary, run in one invocation form from its own working directory. The site's
/// configuration and the profile are copied into the working directory, so that a relative
/// name is simply the file's name.
struct FormTool {
    var form: InvocationForm
    var directory: String

    init(form: InvocationForm, profile: String, config: String) throws {
        self.form = form
        directory = try TemporaryDirectory.keptUntilExit()
        try FileManager.default.copyItem(atPath: profile, toPath: directory + "/profile.json")
        try FileManager.default.copyItem(atPath: config, toPath: directory + "/site.conf")
    }

    var stateDirectory: String { directory + "/state" }

    func arguments() -> [String] {
        ["--config", form.relativeConfig ? "site.conf" : directory + "/site.conf",
         "--state-dir", form.relativeState ? "state" : stateDirectory,
         "--host-profile", form.relativeProfile ? "profile.json" : directory + "/profile.json"]
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> Tool.Result {
        // env -C sets the working directory of the binary without a shell.
        let argv = ["/usr/bin/env", "-C", form.fromRoot ? "/" : directory, Tool.binary] + self.arguments() + arguments
        let result = try ProcessRunner().run(Command(argv, environment: Command.defaultEnvironment, timeout: 120))
        return Tool.Result(status: result.termination, stdout: result.stdoutText, stderr: result.stderrText)
    }

    func sshOnExternal() throws -> String {
        // The verdict is the first line; the rule that decided it follows.
        String(try run(["simulate", "probe", "--in", "vtnet0", "--proto", "tcp", "--port", "22"]).stdout.split(separator: "\n").first ?? "")
    }
}
