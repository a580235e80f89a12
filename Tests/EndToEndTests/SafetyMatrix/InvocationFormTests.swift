import Foundation
import Testing
import TestSupport

/// The invocation-form dimension of the safety matrix, through the built binary: every form
/// applies, converges and reports alike, and an unconfirmed lockdown is reverted by the
/// watcher in every form.
@Suite struct InvocationFormTests {
    static let profile = RepositoryRoot.path + "/plans/hosts/cloud-vm-tailnet.json"

    /// A site with the lockdown phase and no confirmation window of its own.
    static func site() throws -> String {
        let path = try TemporaryDirectory.keptUntilExit() + "/site.conf"
        try "boot_phases=\"firstboot lockdown\"\ntailnet_wait=\"2\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: InvocationForm.all)
    func everyFormAppliesAndConverges(form: InvocationForm) throws {
        let tool = try FormTool(form: form, profile: Self.profile, config: try Self.site())
        #expect(try tool.run(["plan"]).exitCode == 2, "\(form)")
        let applied = try tool.run(["apply"])
        #expect(applied.exitCode == 0, "\(form): \(applied.stderr)")
        #expect(try tool.run(["plan"]).exitCode == 0, "\(form)")
        #expect(try tool.run(["status"]).stdout == "complete: 10/10 steps of firstboot, lockdown done\n", "\(form)")
        #expect(try tool.sshOnExternal() == "block", "\(form)")
        #expect(try tool.run(["simulate", "reboot"]).exitCode == 0, "\(form)")
        #expect(try tool.run(["plan"]).exitCode == 0, "\(form): after a reboot")
        #expect(try tool.run(["apply", "--boot"]).exitCode == 0, "\(form)")
        #expect(try tool.run(["plan"]).exitCode == 0, "\(form): after apply --boot")
    }

    /// Unconfirmed, the lockdown is reverted by the watcher, whatever names the files.
    @Test(arguments: InvocationForm.all)
    func anUnconfirmedLockdownIsRevertedInEveryForm(form: InvocationForm) throws {
        let tool = try FormTool(form: form, profile: Self.profile, config: try Self.site())
        #expect(try tool.run(["apply", "--phase", "firstboot"]).exitCode == 0)
        let applied = try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "6"])
        #expect(applied.exitCode == 0, "\(form): \(applied.stderr)")
        #expect(try tool.sshOnExternal() == "block", "\(form)")
        #expect(try LockdownEndToEndTests.eventually(20) { try tool.sshOnExternal() == "pass" }, "\(form): the watcher did not revert")
        #expect(try tool.run(["status"]).stdout.contains("lockdown-pf was reverted because it was not confirmed in time"), "\(form)")
    }

    /// Confirmed, it stays: past the deadline and after a reboot.
    @Test func aConfirmedLockdownStaysPastItsDeadlineAndAReboot() throws {
        let tool = try FormTool(form: InvocationForm(relativeConfig: false, relativeState: false, relativeProfile: false),
                                profile: Self.profile, config: try Self.site())
        #expect(try tool.run(["apply", "--phase", "firstboot"]).exitCode == 0)
        #expect(try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "6"]).exitCode == 0)
        #expect(try tool.run(["confirm"]).exitCode == 0)
        Thread.sleep(forTimeInterval: 7.5)
        #expect(try tool.sshOnExternal() == "block")
        #expect(try tool.run(["simulate", "reboot"]).exitCode == 0)
        #expect(try tool.run(["apply", "--boot"]).exitCode == 0)
        #expect(try tool.sshOnExternal() == "block")
        #expect(try tool.run(["plan"]).exitCode == 0)
    }

    /// Reverted by the next command of any kind that finds the deadline passed with no
    /// watcher alive (a reboot ended it).
    @Test(arguments: [["status"], ["plan"], ["apply", "--phase", "firstboot"]])
    func aLaterCommandRevertsAnOverdueChange(command: [String]) throws {
        let tool = try FormTool(form: InvocationForm(relativeConfig: false, relativeState: false, relativeProfile: false),
                                profile: Self.profile, config: try Self.site())
        #expect(try tool.run(["apply", "--phase", "firstboot"]).exitCode == 0)
        #expect(try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "6"]).exitCode == 0)
        #expect(try tool.run(["simulate", "reboot"]).exitCode == 0)   // ends the watcher
        Thread.sleep(forTimeInterval: 7.5)
        _ = try tool.run(command)
        #expect(try tool.sshOnExternal() == "pass", "\(command) did not revert the overdue lockdown")
    }
}
