import Foundation
import TestSupport

/// A scratch directory in which the project's rc.d scripts run under FreeBSD's own rc.subr
/// (../shared/freebsd-src/rc.subr) with dash, as service(8) and /etc/rc run them.
///
/// The copies of rc.subr and of the script read their rc.conf from the sandbox and call stub
/// commands in it (sysctl, ps, logger, kenv, sysrc, id, ifconfig, pfctl): nothing outside the
/// sandbox is read or changed. The stub `ps` lists the processes in `processes`; the stub
/// tool binary prints its arguments and exits with `toolExit`.
struct RCSubrSandbox {
    static var dashInstalled: Bool { ["/usr/bin/dash", "/bin/dash"].contains { FileManager.default.isExecutableFile(atPath: $0) } }

    /// The sandbox's directory, removed when the last copy of the sandbox goes.
    private let folder: TemporaryDirectory
    var root: String { folder.path }
    var rcConf: [String] = []
    /// `ps -ww -o pid= -o jid= -o command= -ax` lines, `PID JID COMMAND`.
    var processes: [String] = []
    var toolExit: Int32 = 0

    struct Outcome: Equatable, CustomStringConvertible {
        var stdout: String
        var stderr: String
        var status: Int32
        var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
    }

    /// The tool binary the hook runs in the sandbox.
    var tool: String { root + "/bin/clawdie-firstboot" }
    var logged: String { (try? String(contentsOfFile: root + "/logger.log", encoding: .utf8)) ?? "" }

    init() throws {
        folder = try TemporaryDirectory()
        for directory in ["stub", "etc", "rc.d", "bin"] {
            try FileManager.default.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
        }
        guard let subr = FreeBSDSources.read("rc.subr") else { throw Absent() }
        try write("rc.subr", localised(subr))
        try stub("sysctl", "echo 0")
        try stub("kenv", "exit 1")
        try stub("id", "echo root")
        try stub("logger", "echo \"$*\" >> \(root)/logger.log")
        try stub("sysrc", "echo \"sysrc $*\"")
        try stub("ps", "cat \(root)/processes 2>/dev/null")
        try stub("ifconfig", "exit 1")
        try stub("pfctl", "echo \"pfctl $*\" >&2")
        try write("bin/clawdie-firstboot", "#!/bin/sh\necho \"tool: $*\"\nexit $(cat \(root)/tool-exit)\n", mode: 0o755)
    }

    struct Absent: Error {}

    /// Installs a copy of the repository's rc.d script `name`, sourcing the sandbox's rc.subr
    /// and calling the stubs for the absolute paths it runs.
    func install(_ name: String) throws {
        let text = try RepositoryRoot.read("rc.d/" + name)
        try write("rc.d/" + name, localised(text.replacingOccurrences(of: ". /etc/rc.subr", with: ". \(root)/rc.subr")), mode: 0o555)
    }

    /// `service NAME VERB`: the script run as a command, so `$0` is its path.
    func service(_ name: String, _ verb: String) throws -> Outcome {
        try run(["dash", root + "/rc.d/" + name, verb])
    }

    /// /etc/rc's run_rc_script: `( set VERB; . FILE )` inside /etc/rc, so `$0` is /etc/rc.
    func boot(_ name: String, _ verb: String = "faststart") throws -> Outcome {
        try run(["dash", "-c", "set -- \(verb); . \(root)/rc.d/\(name)", "/etc/rc"])
    }

    private func run(_ argv: [String]) throws -> Outcome {
        try write("etc/rc.conf", rcConf.map { $0 + "\n" }.joined())
        try write("processes", processes.map { $0 + "\n" }.joined())
        try write("tool-exit", "\(toolExit)\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["-i", "HOME=/", "PATH=\(root)/stub:/usr/bin:/bin"] + argv
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                       status: process.terminationStatus)
    }

    /// Points the absolute paths rc.subr and the scripts use at the sandbox.
    private func localised(_ text: String) -> String {
        var text = text
        for (path, stub) in [("/usr/bin/logger", "logger"), ("/sbin/sysctl", "sysctl"), ("/bin/ps ", "ps "), ("/usr/sbin/sysrc", "sysrc"),
                             ("/usr/bin/id", "id"), ("/sbin/ifconfig", "ifconfig"), ("/sbin/pfctl", "pfctl")] {
            text = text.replacingOccurrences(of: path, with: root + "/stub/" + stub)
        }
        // Only where load_rc_config reads the files: messages keep naming /etc/rc.conf.
        for file in ["/etc/defaults/rc.conf", "/etc/rc.conf"] {
            for use in ["-r ", "$_dot "] {
                text = text.replacingOccurrences(of: use + file, with: use + root + file)
            }
        }
        return text
    }

    /// Replaces (or adds) the stub command `name`, a shell script with this body.
    func stub(_ name: String, _ body: String) throws {
        try write("stub/" + name, "#!/bin/sh\n" + body + "\n", mode: 0o755)
    }

    private func write(_ path: String, _ text: String, mode: Int = 0o644) throws {
        let full = root + "/" + path
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: full)
    }
}
