import FirstbootEngine
import FreeBSDHost
import Foundation
import Testing
import TestSupport

/// Confirm or revert as an operator who must never be locked out relies on it: the watcher
/// reverts whatever paths it was started with and whatever happens to the configuration in the
/// window, and when no watcher is left, the next command of any kind reverts an overdue change.
@Suite struct ConfirmationWatcherEndToEndTests {
    /// The journal says the held change was reverted: read from the file, because any command
    /// run to ask would itself revert an overdue change.
    static func reverted(_ tool: Tool) throws -> Bool {
        let lines = try tool.journalLines()
        return lines.contains { $0.contains("\"type\":\"confirmation-expired\"") }
            && lines.contains { $0.contains("\"type\":\"step-undone\"") && $0.contains("\"step\":\"lockdown-pf\"") }
    }

    /// A host with firstboot applied whose profile, configuration and state directory lie
    /// together in one folder, as an operator trying the tool in a checkout keeps them.
    static func firstbootedInOneFolder() throws -> (tool: Tool, folder: String) {
        let folder = try TemporaryDirectory.keptUntilExit()
        try FileManager.default.copyItem(atPath: try Tool.lockdownProfile(), toPath: folder + "/profile.json")
        try "tailnet_wait=\"2\"\n".write(toFile: folder + "/site.conf", atomically: true, encoding: .utf8)
        var tool = try Tool(profile: folder + "/profile.json", config: folder + "/site.conf")
        tool.stateDirectory = folder + "/state"
        let applied = try tool.run(["apply"])
        precondition(applied.exitCode == 0, applied.stderr)
        return (tool, folder)
    }

    /// Ends the watcher, as if it had crashed.
    static func killWatcher(_ tool: Tool) throws {
        let text = try String(contentsOfFile: tool.stateDirectory + "/confirmation-watcher.pid", encoding: .utf8)
        let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGKILL)
        #expect(LockdownEndToEndTests.eventually { kill(pid, 0) != 0 })
    }

    @Test(arguments: [["--config"], ["--state-dir"], ["--host-profile"], ["--config", "--state-dir", "--host-profile"]])
    func theWatcherRevertsWhenThePathsAreRelativeAndTheDirectoryIsAnother(_ relative: [String]) throws {
        let (tool, folder) = try Self.firstbootedInOneFolder()
        let paths = ["--config": "site.conf", "--state-dir": "state", "--host-profile": "profile.json"]
        var arguments: [String] = []
        for option in ["--config", "--state-dir", "--host-profile"] {
            arguments += [option, relative.contains(option) ? paths[option]! : folder + "/" + paths[option]!]
        }
        let applied = try tool.runAlone(arguments + ["apply", "--phase", "lockdown", "--confirm-within", "3"], in: folder)
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        #expect(try LockdownEndToEndTests.probe(tool, "vtnet0", port: 22) == "block")
        #expect(try LockdownEndToEndTests.eventually(25) { try Self.reverted(tool) })
        #expect(try LockdownEndToEndTests.probe(tool, "vtnet0", port: 22) == "pass")
    }

    /// The revert needs only the journal: a configuration edited badly in the window does not
    /// stop it, and the watcher's trouble with it is journaled.
    @Test func aConfigurationBrokenInTheWindowDoesNotStopTheRevert() throws {
        let tool = try LockdownEndToEndTests.firstbooted()
        #expect(try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "4"]).exitCode == 0)
        let good = try String(contentsOfFile: tool.config, encoding: .utf8)
        try "ssh_port=\"twenty-two\"\n".write(toFile: tool.config, atomically: true, encoding: .utf8)
        #expect(try LockdownEndToEndTests.eventually(25) { try Self.reverted(tool) })
        let failure = try tool.journalLines().first { $0.contains("\"type\":\"watcher-failed\"") }
        #expect(failure?.contains("ssh_port") == true, "\(failure ?? "no watcher-failed record")")
        try good.write(toFile: tool.config, atomically: true, encoding: .utf8)
        #expect(try LockdownEndToEndTests.probe(tool, "vtnet0", port: 22) == "pass")
        #expect(try tool.run(["status"]).stdout.contains("lockdown-pf was reverted because it was not confirmed in time"))
        // The boot log has both, said by the watcher, for an operator back on the console.
        let log = try ProgressAndLogEndToEndTests.log(tool)
        #expect(Self.logged(log, "watch-confirmation (pid ", "): the configuration cannot be read (", "ssh_port"), "\(log)")
        #expect(Self.logged(log, "watch-confirmation (pid ", "): the confirmation deadline passed: reverted lockdown-pf"), "\(log)")
    }

    /// Whether one line of the boot log has these pieces, in this order.
    static func logged(_ log: String, _ pieces: String...) -> Bool {
        log.split(separator: "\n").contains { line in
            var rest = Substring(line)
            for piece in pieces {
                guard let found = rest.range(of: piece) else { return false }
                rest = rest[found.upperBound...]
            }
            return true
        }
    }

    /// With no watcher left, the next command — whatever it is, read-only ones too — reverts a
    /// change whose deadline has passed.
    @Test(arguments: [["plan"], ["plan", "--phase", "lockdown", "--json"], ["status"], ["facts"], ["apply"],
                      ["simulate", "probe", "--in", "vtnet0", "--proto", "tcp", "--port", "22"], ["rollback", "--phase", "vnet"]])
    func theNextCommandRevertsAnOverdueChange(_ command: [String]) throws {
        let tool = try LockdownEndToEndTests.firstbooted()
        #expect(try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "2"]).exitCode == 0)
        try Self.killWatcher(tool)
        Thread.sleep(forTimeInterval: 3.5)
        #expect(try !Self.reverted(tool))
        let result = try tool.run(command)
        #expect(result.stderr.contains("the confirmation deadline passed: reverted lockdown-pf"), "\(result.stderr)")
        #expect(try Self.reverted(tool))
        let log = try ProgressAndLogEndToEndTests.log(tool)
        #expect(Self.logged(log, " \(command[0]) (pid ", "): the confirmation deadline passed: reverted lockdown-pf"), "\(log)")
        #expect(try LockdownEndToEndTests.probe(tool, "vtnet0", port: 22) == "pass")
    }

    /// The same with a configuration that cannot be read: the command fails on it, but only
    /// after the revert, which needs no configuration.
    @Test func theNextCommandRevertsEvenWhenTheConfigurationIsBroken() throws {
        let tool = try LockdownEndToEndTests.firstbooted()
        #expect(try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "2"]).exitCode == 0)
        try Self.killWatcher(tool)
        let good = try String(contentsOfFile: tool.config, encoding: .utf8)
        try "ssh_port=\"twenty-two\"\n".write(toFile: tool.config, atomically: true, encoding: .utf8)
        Thread.sleep(forTimeInterval: 3.5)
        let plan = try tool.run(["plan"])
        #expect(plan.exitCode == 1)
        #expect(plan.stderr.contains("the confirmation deadline passed: reverted lockdown-pf"), "\(plan.stderr)")
        #expect(plan.stderr.contains("ssh_port"))
        try good.write(toFile: tool.config, atomically: true, encoding: .utf8)
        #expect(try LockdownEndToEndTests.probe(tool, "vtnet0", port: 22) == "pass")
    }

    /// `confirm` needs the journal only: a configuration broken in the window neither stops
    /// a confirmation in time nor the revert of a late one.
    @Test(arguments: [true, false])
    func confirmWorksWithABrokenConfiguration(inTime: Bool) throws {
        let tool = try LockdownEndToEndTests.firstbooted()
        #expect(try tool.run(["apply", "--phase", "lockdown", "--confirm-within", inTime ? "60" : "2"]).exitCode == 0)
        if !inTime { try Self.killWatcher(tool) }
        let good = try String(contentsOfFile: tool.config, encoding: .utf8)
        try "ssh_port=\"twenty-two\"\n".write(toFile: tool.config, atomically: true, encoding: .utf8)
        if !inTime { Thread.sleep(forTimeInterval: 3.5) }
        let confirmed = try tool.run(["confirm"])
        #expect(confirmed.exitCode == (inTime ? 0 : 1), "\(confirmed.stderr)")
        #expect(inTime ? confirmed.stdout == "confirmed: lockdown-pf stays\n" : confirmed.stderr.contains("too late"), "\(confirmed.stderr)")
        let log = try ProgressAndLogEndToEndTests.log(tool)
        #expect(Self.logged(log, " confirm (pid "), "\(log)")
        #expect(inTime ? Self.logged(log, " confirmed: lockdown-pf stays")
                       : Self.logged(log, " confirm FAILED: too late: the confirmation deadline of lockdown-pf passed at "), "\(log)")
        try good.write(toFile: tool.config, atomically: true, encoding: .utf8)
        #expect(try LockdownEndToEndTests.probe(tool, "vtnet0", port: 22) == (inTime ? "block" : "pass"))
    }

    /// `status` says so when nobody watches the deadline, instead of counting down for ever.
    @Test func statusSaysWhenNoWatcherIsRunning() throws {
        let tool = try LockdownEndToEndTests.firstbooted()
        #expect(try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "60"]).exitCode == 0)
        #expect(try tool.run(["status"]).stdout.hasPrefix("awaiting-confirmation: lockdown-pf is reverted in "))
        try Self.killWatcher(tool)
        let status = try tool.run(["status"]).stdout
        #expect(status.hasPrefix("awaiting-confirmation: lockdown-pf is reverted in "), "\(status)")
        #expect(status.contains("no watcher is running: the first clawdie-firstboot command after the deadline reverts it"), "\(status)")
    }

    /// A `confirm` that comes after the watcher reverted says it came too late, what was
    /// reverted and when.
    @Test func aLateConfirmSaysItCameTooLate() throws {
        let tool = try LockdownEndToEndTests.firstbooted()
        #expect(try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "2"]).exitCode == 0)
        #expect(try LockdownEndToEndTests.eventually(25) { try Self.reverted(tool) })
        let late = try tool.run(["confirm"])
        #expect(late.exitCode == 1)
        #expect(late.stderr.contains("too late: the confirmation deadline of lockdown-pf passed at "), "\(late.stderr)")
        #expect(late.stderr.contains("reverted lockdown-pf at "), "\(late.stderr)")
        #expect(Self.logged(try ProgressAndLogEndToEndTests.log(tool), " confirm FAILED: too late: ", "reverted lockdown-pf at "))
        #expect(try LockdownEndToEndTests.probe(tool, "vtnet0", port: 22) == "pass")
    }

    /// An error the watcher meets while it waits (here the simulated host's state cannot be
    /// read for a while) goes to the boot log once, and the watcher still reverts afterwards.
    @Test func theWatchersErrorsGoToTheBootLog() throws {
        let tool = try LockdownEndToEndTests.firstbooted()
        #expect(try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "6"]).exitCode == 0)
        let stateFile = tool.stateDirectory + "/" + SimulatedHost.stateFileName
        let good = try Data(contentsOf: URL(fileURLWithPath: stateFile))
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: stateFile))
        let failed = try LockdownEndToEndTests.eventually(25) {
            Self.logged(try ProgressAndLogEndToEndTests.log(tool), "watch-confirmation (pid ", ") FAILED: ", "; trying again")
        }
        try good.write(to: URL(fileURLWithPath: stateFile))
        #expect(failed)
        #expect(try LockdownEndToEndTests.eventually(40) { try Self.reverted(tool) })
        let log = try ProgressAndLogEndToEndTests.log(tool)
        #expect(log.split(separator: "\n").filter { $0.contains(") FAILED: ") }.count == 1, "\(log)")
        #expect(Self.logged(log, "watch-confirmation (pid ", "): the confirmation deadline passed: reverted lockdown-pf"), "\(log)")
    }
}
