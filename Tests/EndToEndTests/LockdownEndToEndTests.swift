import Foundation
import Testing
import TestSupport

/// The lockdown phase through the built binary: SSH and VNC move to the tailnet without ever
/// locking the operator out.
@Suite struct LockdownEndToEndTests {
    static func probe(_ tool: Tool, _ interface: String, _ proto: String = "tcp", port: Int) throws -> String {
        try tool.run(["simulate", "probe", "--in", interface, "--proto", proto, "--port", String(port)]).stdout
            .split(separator: "\n").first.map(String.init) ?? ""
    }

    /// A tool on a host whose firstboot phase is applied, with a config for lockdown tests.
    static func firstbooted(login: String = "accepts", keyMode: String = "0600", hook: Bool = false, ties: String = "ascending",
                            config: String = "tailnet_wait=\"2\"\n") throws -> Tool {
        let configPath = try TemporaryDirectory.keptUntilExit() + "/site.conf"
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        let tool = try Tool(profile: try Tool.lockdownProfile(login: login, keyMode: keyMode, hook: hook, ties: ties), config: configPath)
        let applied = try tool.run(["apply"])
        precondition(applied.exitCode == 0, applied.stderr)
        return tool
    }

    /// Waits (a few seconds at most) for `condition`.
    static func eventually(_ seconds: Double = 8, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return try condition()
    }

    @Test(arguments: Tool.tieOrders)
    func lockdownMovesSSHAndVNCToTheTailnet(ties: String) throws {
        let tool = try Self.firstbooted(ties: ties)
        let plan = try tool.run(["plan", "--phase", "lockdown"])
        #expect(plan.exitCode == 2)
        // The cloud VM is a fresh install: pkg is bootstrapped first, never at a prompt.
        #expect(plan.stdout.contains("$ /usr/bin/env ASSUME_ALWAYS_YES=yes /usr/sbin/pkg bootstrap"))
        #expect(plan.stdout.contains("$ /usr/sbin/pkg install -y tailscale"))
        #expect(plan.stdout.contains("$ /usr/local/bin/tailscale up --auth-key=file:/usr/local/etc/clawdie-firstboot.tailscale-key --hostname=cloud-vm --timeout=2s"))
        let applied = try tool.run(["apply", "--phase", "lockdown"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        #expect(try Self.probe(tool, "vtnet0", port: 22) == "block")
        #expect(try Self.probe(tool, "vtnet0", port: 5900) == "block")
        #expect(try Self.probe(tool, "tailscale0", port: 22) == "pass")
        #expect(try Self.probe(tool, "tailscale0", port: 5900) == "pass")
        #expect(try Self.probe(tool, "vtnet0", "udp", port: 41641) == "pass")
        #expect(try Self.probe(tool, "vtnet0", port: 443) == "pass")
        // The firstboot phase keeps the locked-down file: nothing reopens SSH.
        #expect(try tool.run(["plan"]).exitCode == 0)
        #expect(try tool.run(["plan", "--phase", "lockdown"]).exitCode == 0)
        #expect(try tool.run(["status"]).stdout == "complete: 10/10 steps of firstboot, lockdown done\n")
        // After a cold boot pf_reload binds the tailscale0 rules: SSH over the tailnet still works.
        let boot = try tool.run(["simulate", "reboot"])
        #expect(boot.stdout.contains("pf_reload"))
        #expect(try Self.probe(tool, "tailscale0", port: 22) == "pass")
        #expect(try Self.probe(tool, "vtnet0", port: 22) == "block")
        // Rollback of the phase brings back public SSH.
        let rolled = try tool.run(["rollback", "--phase", "lockdown"])
        #expect(rolled.exitCode == 0, "\(rolled.stderr)")
        #expect(try Self.probe(tool, "vtnet0", port: 22) == "pass")
        #expect(try tool.run(["plan"]).exitCode == 0)
    }

    @Test func noTailnetNoLockdown() throws {
        let tool = try Self.firstbooted(login: "never-running")
        let before = try tool.facts()
        let result = try tool.run(["apply", "--phase", "lockdown"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("tailscale-up failed") || result.stderr.contains("wait-tailnet"))
        #expect(try Self.probe(tool, "vtnet0", port: 22) == "pass")
        let after = try tool.facts()
        #expect(Self.pfConf(after) == Self.pfConf(before))
    }

    @Test func aRejectedKeyChangesNoRules() throws {
        let tool = try Self.firstbooted(login: "rejects")
        let result = try tool.run(["apply", "--phase", "lockdown"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("step tailscale-up failed"))
        #expect(result.stderr.contains("invalid key"))
        #expect(try Self.probe(tool, "vtnet0", port: 22) == "pass")
    }

    /// The refusal is knowable before the phase starts (plan refuses too), so the phase
    /// refuses as a whole: no package installed, no rc.conf key, no daemon started.
    @Test(arguments: ["0644", "0640"])
    func aKeyFileOthersCanReadIsRefusedBeforeAnythingChanges(mode: String) throws {
        let tool = try Self.firstbooted(keyMode: mode)
        let before = try tool.facts()
        #expect(try tool.run(["plan", "--phase", "lockdown"]).exitCode == 1)
        let result = try tool.run(["apply", "--phase", "lockdown"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("step tailscale-up cannot run"))
        #expect(result.stderr.contains("must be owned by root and readable by root only; it is owner 0 mode \(mode)"))
        #expect(try tool.facts() == before)
        #expect(try Self.probe(tool, "vtnet0", port: 22) == "pass")
    }

    @Test func anUnconfirmedLockdownIsReverted() throws {
        let tool = try Self.firstbooted()
        // Windows are a few seconds wide so that a loaded CI machine still runs the checks
        // inside them.
        let applied = try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "5"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        #expect(applied.stderr.contains("lockdown-pf is waiting for confirmation"))
        #expect(try tool.run(["status"]).stdout.hasPrefix("awaiting-confirmation: lockdown-pf is reverted in "))
        #expect(try Self.probe(tool, "vtnet0", port: 22) == "block")
        // The watcher reverts at the deadline.
        #expect(try Self.eventually(20) { try Self.probe(tool, "vtnet0", port: 22) == "pass" })
        #expect(try tool.run(["status"]).stdout.contains("lockdown-pf was reverted because it was not confirmed in time"))
    }

    @Test func aConfirmedLockdownStays() throws {
        let tool = try Self.firstbooted()
        #expect(try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "30"]).exitCode == 0)
        let confirmed = try tool.run(["confirm"])
        #expect(confirmed.stdout == "confirmed: lockdown-pf stays\n")
        #expect(try tool.run(["status"]).stdout.hasPrefix("complete"))
        // The watcher goes away by itself and nothing is reverted.
        #expect(Self.eventually(20) { !FileManager.default.fileExists(atPath: tool.stateDirectory + "/confirmation-watcher.pid") })
        #expect(try Self.probe(tool, "vtnet0", port: 22) == "block")
        #expect(try tool.run(["confirm"]).stderr.contains("nothing is waiting for confirmation"))
    }

    /// The host goes down inside the window and comes back after the deadline: the boot
    /// hook reverts the lockdown.
    @Test func aDeadlineThatPassesAcrossARebootIsRevertedAtBoot() throws {
        let tool = try Self.firstbooted()
        #expect(try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "5"]).exitCode == 0)
        _ = try tool.run(["simulate", "reboot"])   // ends the watcher, as a reboot would
        Thread.sleep(forTimeInterval: 6.5)   // the deadline is rounded up to a whole second
        // Read from the journal itself: any command would revert the overdue change.
        #expect(try !ConfirmationWatcherEndToEndTests.reverted(tool))
        let boot = try tool.run(["apply", "--boot"])   // what the rc.d hook runs
        #expect(boot.stderr.contains("the confirmation deadline passed: reverted lockdown-pf"))
        #expect(try Self.probe(tool, "vtnet0", port: 22) == "pass")
    }

    /// With the hook installed, a reboot inside the window starts a new watcher, which still
    /// reverts at the original deadline.
    @Test(arguments: Tool.tieOrders)
    func theWatcherSurvivesARebootThroughTheBootHook(ties: String) throws {
        let tool = try Self.firstbooted(hook: true, ties: ties)
        #expect(try tool.run(["apply", "--phase", "lockdown", "--confirm-within", "6"]).exitCode == 0)
        let boot = try tool.run(["simulate", "reboot"])
        #expect(boot.stdout.contains("clawdie_firstboot: apply --boot"))
        #expect(try Self.probe(tool, "vtnet0", port: 22) == "block")
        #expect(try Self.eventually(25) { try Self.probe(tool, "vtnet0", port: 22) == "pass" })
    }

    /// With lockdown in boot_phases, the hook locks the host down at boot, where /etc/rc
    /// reaches it; the next boot starts tailscaled before pf_reload and the hook, reloads the
    /// tailnet rules and leaves SSH on the tailnet only — under both orders of tied scripts.
    @Test(arguments: Tool.tieOrders)
    func bootPhasesWithLockdownHoldUnderEveryTieOrder(ties: String) throws {
        let config = try TemporaryDirectory.keptUntilExit() + "/site.conf"
        try "boot_phases=\"firstboot lockdown\"\ntailnet_wait=\"2\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let tool = try Tool(profile: try Tool.lockdownProfile(hook: true, ties: ties), config: config)
        let first = try tool.run(["simulate", "reboot"])
        #expect(first.exitCode == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("/usr/local/etc/rc.d/clawdie_firstboot: ran: apply --boot exited 0"))
        #expect(try Self.probe(tool, "tailscale0", port: 22) == "pass")
        #expect(try Self.probe(tool, "vtnet0", port: 22) == "block")
        let second = try tool.run(["simulate", "reboot"])
        #expect(second.exitCode == 0, "\(second.stdout)\(second.stderr)")
        let lines = second.stdout.split(separator: "\n").map(String.init)
        let index = { (script: String) in lines.firstIndex { $0.hasPrefix("/usr/local/etc/rc.d/\(script): ") } }
        let tailscaled = try #require(index("tailscaled")), reload = try #require(index("pf_reload")), hook = try #require(index("clawdie_firstboot"))
        #expect(tailscaled < reload && reload < hook)
        #expect(lines[reload].contains("reloaded /etc/pf.conf"))
        #expect(try Self.probe(tool, "tailscale0", port: 22) == "pass")
        #expect(try Self.probe(tool, "vtnet0", port: 22) == "block")
        #expect(try tool.run(["status"]).stdout.hasPrefix("complete"))
    }

    /// The auth key appears nowhere but in its file: not in any output, the journal, a plan,
    /// facts, or any file of the state directory other than the simulated host's own disk.
    @Test func theAuthKeyNeverLeaks() throws {
        let tool = try Self.firstbooted()
        var outputs: [String] = []
        for command in [["plan", "--phase", "lockdown"], ["plan", "--phase", "lockdown", "--json"], ["apply", "--phase", "lockdown", "--json"],
                        ["status"], ["status", "--json"], ["facts"], ["simulate", "reboot"], ["plan", "--phase", "lockdown", "--json"],
                        ["rollback", "--phase", "lockdown"], ["apply", "--phase", "lockdown", "--confirm-within", "60"], ["confirm"]] {
            let result = try tool.run(command)
            outputs += [result.stdout, result.stderr]
        }
        let secret = Tool.authKey
        for (index, text) in outputs.enumerated() {
            #expect(!text.contains(secret), "output \(index) holds the key")
            #expect(!text.contains("kQ7xNcrTM"), "output \(index) holds part of the key")
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: tool.stateDirectory)
        for file in files where file != "simulated-host.json" {
            let data = (try? Data(contentsOf: URL(fileURLWithPath: tool.stateDirectory + "/" + file))) ?? Data()
            #expect(!String(decoding: data, as: UTF8.self).contains(secret), "\(file) holds the key")
        }
        // The simulated host's disk holds it only in the key file itself.
        let disk = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: tool.stateDirectory + "/simulated-host.json"))) as! [String: Any]
        var files2 = disk["files"] as! [String: Any]
        files2[Tool.keyFile] = nil
        var rest = disk
        rest["files"] = files2
        let restText = String(decoding: try JSONSerialization.data(withJSONObject: rest), as: UTF8.self)
        #expect(!restText.contains(secret))
        #expect(try tool.journalLines().contains { $0.contains("--auth-key=file:/usr/local/etc/clawdie-firstboot.tailscale-key") })
    }

    static func pfConf(_ facts: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(facts.utf8)) as? [String: Any],
              let files = object["files"] as? [String: Any], let pf = files["/etc/pf.conf"] as? [String: Any] else { return nil }
        return pf["content"] as? String
    }
}
