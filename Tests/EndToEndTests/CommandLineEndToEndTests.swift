import Foundation
import FirstbootEngine
import Testing
import TestSupport

/// The command line's contract: errors, exit statuses, the boot hook's retry limit, status.
@Suite struct CommandLineEndToEndTests {
    /// Each bad configuration gets one clear line naming file and line, and changes nothing.
    @Test(arguments: [
        ("ext_if=\"auto\"\nbridge_nmae=\"warden0\"\n", ":2: unknown key \"bridge_nmae\"; the keys are: ext_if, "),
        ("ext_if=em0;reboot\n", ":1: ext_if: shell syntax ';' is not supported"),
        ("ext_if=\"em0;reboot\"\n", ":1: ext_if=\"em0;reboot\": not a FreeBSD interface name"),
        ("ext_if=\"em 0\"\n", ":1: ext_if=\"em 0\": not a FreeBSD interface name"),
        ("bridge_name=\"this-name-is-too-long\"\n", ":1: bridge_name=\"this-name-is-too-long\": not a FreeBSD interface name"),
        ("bridge_address=\"192.168.100.1/33\"\n", ":1: bridge_address=\"192.168.100.1/33\": expected the bridge's address"),
        ("bridge_address=\"192.168.100.0/24\"\n", ":1: bridge_address=\"192.168.100.0/24\": 192.168.100.0 is the network's own or broadcast address"),
        ("nat_network=\"10.0.0.0/8\"\n", ":1: bridge_address 192.168.100.1/24 lies outside nat_network 10.0.0.0/8"),
        ("nat_network=\"192.168.0.1/16\"\n", ":1: nat_network=\"192.168.0.1/16\": expected a network in CIDR form with no host bits"),
        ("ssh_port=\"70000\"\n", ":1: ssh_port=\"70000\": \"70000\" is not a port number from 1 to 65535"),
        ("public_tcp_ports=\"80 0\"\n", ":1: public_tcp_ports=\"80 0\": \"0\" is not a port number from 1 to 65535"),
        ("ssh_max_src_conn_rate=\"3 per minute\"\n", ":1: ssh_max_src_conn_rate=\"3 per minute\": expected CONNECTIONS/SECONDS"),
        ("boot_phases=\"firstboot lockdwn\"\n", ":1: boot_phases=\"firstboot lockdwn\": unknown phase \"lockdwn\""),
        ("pf_reload_wait=\"0\"\n", ":1: pf_reload_wait=\"0\": expected a whole number from 1 to 600"),
    ])
    func aBadConfigurationIsOneClearErrorAndChangesNothing(text: String, message: String) throws {
        let scratch = try TemporaryDirectory()
        let config = scratch.path + "/site.conf"
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        let tool = try Tool(config: config)
        for command in [["plan"], ["apply"], ["apply", "--boot"]] {
            let result = try tool.run(command)
            #expect(result.exitCode == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("clawdie-firstboot: " + config + message), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try tool.journalLines().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: tool.stateDirectory + "/simulated-host.json"))
    }

    @Test func aNamedInterfaceThatDoesNotExistStopsTheRunBeforeAnythingChanges() throws {
        let scratch = try TemporaryDirectory()
        let config = scratch.path + "/site.conf"
        try "ext_if=\"em9\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let tool = try Tool(config: config)
        let original = try tool.facts()
        let result = try tool.run(["apply"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("ext_if is set to em9, which does not exist on this host (interfaces: vtnet0 lo0)"))
        #expect(try tool.facts() == original)
    }

    @Test func theBootHookRetriesABoundedNumberOfTimesThenAsksForAnOperator() throws {
        let profile = try Tool.profile(faults: [["argv": ["/sbin/ifconfig", "bridge0", "create"], "exit_status": 1,
                                                 "stderr": "ifconfig: SIOCIFCREATE2: Device not configured\n"]])
        let tool = try Tool(profile: profile)
        for boot in 1...3 {
            let result = try tool.run(["apply", "--boot"])
            #expect(result.exitCode == 1, "boot \(boot)")
            #expect(result.stderr.contains("step create-bridge failed: `/sbin/ifconfig bridge0 create` failed (exit status 1): ifconfig: SIOCIFCREATE2: Device not configured"))
        }
        let records = try tool.journalLines().count
        let refused = try tool.run(["apply", "--boot"])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("not retrying: 3 boots failed (boot_retry_limit=3)"))
        #expect(try tool.journalLines().count == records)
        let status = try tool.run(["status", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect(object?["state"] as? String == "operator-needed")
        #expect(object?["failed_boots"] as? Int == 3)
        // An operator's own apply still runs (and here still fails the same way).
        #expect(try tool.run(["apply"]).exitCode == 1)
    }

    /// A boot killed mid-run (power cut, watchdog) counts as failed as soon as it is known
    /// dead, exactly like a boot that failed cleanly: after three the hook stops retrying.
    @Test(arguments: [["kill", "kill", "kill"], ["fail", "kill", "kill"], ["kill", "fail", "kill"], ["kill", "kill", "fail"]])
    func interruptedBootsCountAgainstTheRetryLimit(_ boots: [String]) throws {
        let profile = try Tool.profile(faults: [["argv": ["/sbin/ifconfig", "bridge0", "create"], "exit_status": 1,
                                                 "stderr": "ifconfig: SIOCIFCREATE2: Device not configured\n"]])
        let tool = try Tool(profile: profile)
        for (number, boot) in boots.enumerated() {
            // Fail point 2: killed after run-started and step-begun of create-bridge.
            let result = try tool.run(["apply", "--boot"], environment: boot == "kill" ? ["CLAWDIE_FIRSTBOOT_FAILPOINT": "2"] : [:])
            if boot == "kill" {
                #expect(result.status == .signaled(SIGKILL), "boot \(number + 1)")
            } else {
                #expect(result.exitCode == 1, "boot \(number + 1)")
            }
            let status = try JSONSerialization.jsonObject(with: Data(try tool.run(["status", "--json"]).stdout.utf8)) as? [String: Any]
            #expect(status?["failed_boots"] as? Int == number + 1, "after boot \(number + 1)")
        }
        let records = try tool.journalLines().count
        let refused = try tool.run(["apply", "--boot"])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("not retrying: 3 boots failed (boot_retry_limit=3)"))
        #expect(try tool.journalLines().count == records)
        #expect(try tool.run(["status"]).stdout.hasPrefix("operator-needed: 3 boots failed"))
    }

    @Test func aSuccessfulApplyByTheOperatorClearsTheFailedBoots() throws {
        let profile = try Tool.profile(faults: [["argv": ["/sbin/pfctl", "-e"], "exit_status": 1,
                                                 "stderr": "pfctl: DIOCSTART: Operation not supported\n", "times": 3]])
        let tool = try Tool(profile: profile)
        for _ in 1...3 { #expect(try tool.run(["apply", "--boot"]).exitCode == 1) }
        #expect(try tool.run(["status"]).stdout.hasPrefix("operator-needed: 3 boots failed"))
        #expect(try tool.run(["apply"]).exitCode == 0)
        let phase = try RegistryPhase.firstboot()
        #expect(try tool.run(["status"]).stdout == "complete: \(phase.done(phase.count))\n")
        let boot = try tool.run(["apply", "--boot", "--json"])
        #expect(boot.exitCode == 0)
        #expect(boot.stdout.contains("\"applied\" : ["))
    }

    @Test func theBootHookExitsAtOnceWhenComplete() throws {
        let tool = try Tool()
        #expect(try tool.run(["apply", "--boot"]).exitCode == 0)
        let records = try tool.journalLines().count
        let second = try tool.run(["apply", "--boot"])
        #expect(second.exitCode == 0)
        #expect(second.stdout.isEmpty)
        #expect(try tool.journalLines().count == records)
    }

    @Test func statusSaysWhereTheHostStands() throws {
        let tool = try Tool()
        let phase = try RegistryPhase.firstboot()
        #expect(try tool.run(["status"]).stdout == "not-started: nothing has run yet; \(phase.done(0))\n")
        let waited = try tool.run(["status", "--wait", "--timeout", "1"])
        #expect(waited.exitCode == 1)
        #expect(waited.stderr.contains("status --wait timed out after 1 s"))
        #expect(try tool.run(["apply"]).exitCode == 0)
        let done = try tool.run(["status", "--wait", "--timeout", "5"])
        #expect(done.exitCode == 0)
        let json = try JSONSerialization.jsonObject(with: Data(try tool.run(["status", "--json"]).stdout.utf8)) as? [String: Any]
        #expect(json?["format_version"] as? Int == 1)
        #expect(json?["state"] as? String == "complete")
        let steps = json?["steps"] as? [[String: Any]]
        #expect(steps?.map { $0["id"] as? String ?? "" } == phase.ids.map(\.name))
        #expect(steps?.allSatisfy { $0["state"] as? String == "done" && $0["phase"] as? String == "firstboot" } == true)
    }

    @Test func anInterruptedRunIsReportedAndResumed() throws {
        let tool = try Tool()
        _ = try tool.run(["apply"], environment: ["CLAWDIE_FIRSTBOOT_FAILPOINT": "6"])
        let status = try tool.run(["status"])
        #expect(status.stdout == "interrupted: the last apply stopped without finishing in step create-bridge; run clawdie-firstboot apply to resume\n")
        let resumed = try tool.run(["apply"])
        #expect(resumed.stdout.hasPrefix("resumed: create-bridge\n"))
    }

    @Test func helpNamesEveryCommandAndEachCommandsHelpItsOptions() throws {
        let tool = try Tool()
        let result = try tool.run(["--help"])
        #expect(result.exitCode == 0)
        for word in ["plan", "apply", "status", "rollback", "facts", "probe", "simulate reboot", "simulate probe", "confirm",
                     "--config", "--state-dir", "--host-profile", "--quiet"] {
            #expect(result.stdout.contains(word), "--help does not mention \(word)")
        }
        for (command, words) in [(["apply"], ["--boot", "--confirm-within", "--phase", "--json"]), (["status"], ["--wait", "--timeout", "--long"]),
                                 (["rollback"], ["--to", "--phase"]), (["facts"], ["--output"]), (["simulate", "probe"], ["--in", "--proto", "--port", "--from"]),
                                 (["probe"], ["--rules"])] {
            let help = try tool.run(command + ["--help"])
            #expect(help.exitCode == 0)
            for word in words { #expect(help.stdout.contains(word), "\(command.joined(separator: " ")) --help does not mention \(word)") }
        }
    }

    @Test(arguments: [
        (["frobnicate"], "clawdie-firstboot: unknown command frobnicate; see clawdie-firstboot --help\n"),
        (["nosuch", "--help"], "clawdie-firstboot: unknown command nosuch; see clawdie-firstboot --help\n"),
        (["plan", "--wait"], "clawdie-firstboot: --wait goes with status, not plan; see clawdie-firstboot plan --help\n"),
        (["apply", "--phase"], "clawdie-firstboot: --phase needs a value; see clawdie-firstboot --help\n"),
        (["simulate", "probe", "--in", "vtnet0"],
         "clawdie-firstboot: simulate probe needs --in INTERFACE --proto tcp|udp --port PORT; see clawdie-firstboot simulate probe --help\n"),
        (["simulate", "probe", "--in", "tailscale7", "--proto", "tcp", "--port", "22"],
         "clawdie-firstboot: the simulated host has no interface tailscale7; it has vtnet0, lo0; see clawdie-firstboot simulate probe --help\n"),
        (["plan", "--phase", "lockdwn"],
         "clawdie-firstboot: unknown phase lockdwn; the phases are: firstboot, lockdown, vnet, subnet; see clawdie-firstboot plan --help\n"),
        (["rollback", "--to", "enable-pff"],
         "clawdie-firstboot: unknown step enable-pff; the steps are \(RegistryPhase.allStepIDs.joined(separator: ", ")); see clawdie-firstboot rollback --help\n"),
        (["apply", "--confirm-within", "300"],
         "clawdie-firstboot: --confirm-within holds the lockdown phase's change, and this run has no lockdown phase (boot_phases is firstboot): add --phase lockdown; see clawdie-firstboot apply --help\n"),
    ])
    func badCommandLinesAreRefusedWithOneLineAndExit64(arguments: [String], message: String) throws {
        let tool = try Tool()
        let result = try tool.run(arguments)
        #expect(result.stderr == message)
        #expect(result.exitCode == 64)
        // Nothing was changed: no journal was started.
        #expect(!FileManager.default.fileExists(atPath: tool.stateDirectory + "/journal.jsonl"))
    }

    @Test func confirmWithinWithoutTheLockdownPhaseIsRefusedBeforeAnythingIsSetUp() throws {
        let tool = try Tool()
        #expect(try tool.run(["apply", "--confirm-within", "300"]).exitCode == 64)
        // Not even the simulated host's state was made.
        #expect(!FileManager.default.fileExists(atPath: tool.stateDirectory))
    }

    @Test func eachCommandHasItsOwnHelp() throws {
        let result = try Tool().run(["plan", "--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("usage: clawdie-firstboot [global options] plan [--phase PHASE]... [--json]\n"))
        #expect(result.stdout.contains("  2   changes are pending"))
    }

    @Test func aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws {
        let tool = try Tool()
        try FileManager.default.createDirectory(atPath: tool.stateDirectory, withIntermediateDirectories: true)
        // Hold the lock from this process, as a running apply would.
        let lock = try RunLockHolder(stateDirectory: tool.stateDirectory)
        defer { lock.release() }
        let result = try tool.run(["apply"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("holds \(tool.stateDirectory)/lock; wait for it to finish, then run again"))
        #expect(try tool.run(["status"]).stdout.hasPrefix("running: a run is in progress (pid \(getpid()))"))
    }

    /// The confirmation watcher holds the lock only to journal what it met or to revert: a
    /// command that meets that hold waits for it instead of failing. This process stands for
    /// the watcher, its pid in the watcher's pid file.
    @Test(arguments: [["apply"], ["rollback"], ["confirm"]])
    func aCommandMeetingTheWatchersShortHoldWaitsForIt(_ arguments: [String]) throws {
        let tool = try Tool()
        try FileManager.default.createDirectory(atPath: tool.stateDirectory, withIntermediateDirectories: true)
        try Data("\(getpid())\n".utf8).write(to: URL(fileURLWithPath: tool.stateDirectory + "/confirmation-watcher.pid"))
        let lock = try RunLockHolder(stateDirectory: tool.stateDirectory)
        lock.release(after: 1)
        let result = try tool.run(arguments)
        #expect(!result.stderr.contains("holds \(tool.stateDirectory)/lock"), "\(result.stderr)")
        #expect(result.exitCode == (arguments == ["confirm"] ? 1 : 0), "\(result.stderr)")
    }
}
