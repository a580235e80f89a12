import Foundation
import Testing
import TestSupport
@testable import FreeBSDHost

/// The project's rc.d scripts run by dash under FreeBSD's own rc.subr, for every verb that
/// service(8) and /etc/rc use, enabled and disabled, with a configuration file and without,
/// and while a clawdie-firstboot process (the confirmation watcher) runs.
@Suite(.enabled(if: FreeBSDSources.available, FreeBSDSources.absent),
       .enabled(if: RCSubrSandbox.dashInstalled, "dash is not installed: the rc.subr checks are skipped"))
struct RCSubrScriptTests {
    static let hook = "clawdie_firstboot"
    static let description = "Bring the host to its protected state and keep it there"

    private func sandbox(enabled: Bool, config: String? = nil, watcher: Bool = false, extra: [String] = []) throws -> RCSubrSandbox {
        var sandbox = try RCSubrSandbox()
        try sandbox.install(Self.hook)
        sandbox.rcConf = ["clawdie_firstboot_enable=\"\(enabled ? "YES" : "NO")\"", "clawdie_firstboot_binary=\"\(sandbox.tool)\""] + extra
        if let config { sandbox.rcConf.append("clawdie_firstboot_config=\"\(config)\"") }
        if watcher { sandbox.processes = ["  812     0 \(sandbox.tool) watch-confirmation"] }
        return sandbox
    }

    private static func cannot(_ verb: String) -> String {
        "Cannot '\(verb)' \(hook). Set \(hook)_enable to YES in /etc/rc.conf or use 'one\(verb)' instead of '\(verb)'.\n"
    }

    @Test(arguments: [false, true], [nil, "/usr/local/etc/site.conf"] as [String?])
    func everyVerbEnabled(watcher: Bool, config: String?) throws {
        let sandbox = try sandbox(enabled: true, config: config, watcher: watcher)
        let named = config.map { "--config \($0) " } ?? ""
        for verb in ["start", "onestart", "faststart"] {
            #expect(try sandbox.service(Self.hook, verb) == .init(stdout: "tool: \(named)apply --boot\n", stderr: "", status: 0), "\(verb)")
        }
        #expect(try sandbox.boot(Self.hook) == .init(stdout: "tool: \(named)apply --boot\n", stderr: "", status: 0))
        #expect(try sandbox.service(Self.hook, "status") == .init(stdout: "tool: \(named)status\n", stderr: "", status: 0))
        #expect(try sandbox.service(Self.hook, "stop") == .init(stdout: "", stderr: "", status: 0))
        #expect(try sandbox.service(Self.hook, "enabled").status == 0)
        #expect(try sandbox.service(Self.hook, "describe").stdout == Self.description + "\n")
        #expect(try sandbox.service(Self.hook, "rcvar").stdout == """
            # \(Self.hook) : \(Self.description)
            #
            \(Self.hook)_enable="YES"
            #   (default: "")


            """)
    }

    @Test(arguments: [false, true])
    func everyVerbDisabled(watcher: Bool) throws {
        let sandbox = try sandbox(enabled: false, watcher: watcher)
        for verb in ["start", "stop"] {
            #expect(try sandbox.service(Self.hook, verb) == .init(stdout: Self.cannot(verb), stderr: "", status: 0), "\(verb)")
        }
        // rc.subr checks the rcvar for neither status nor onestatus.
        #expect(try sandbox.service(Self.hook, "status") == .init(stdout: "tool: status\n", stderr: "", status: 0))
        // At boot (rc_fast) a disabled script says nothing.
        #expect(try sandbox.boot(Self.hook) == .init(stdout: "", stderr: "", status: 0))
        #expect(try sandbox.service(Self.hook, "onestart") == .init(stdout: "tool: apply --boot\n", stderr: "", status: 0))
        #expect(try sandbox.service(Self.hook, "onestatus") == .init(stdout: "tool: status\n", stderr: "", status: 0))
        #expect(try sandbox.service(Self.hook, "enabled").status == 1)
        #expect(try sandbox.service(Self.hook, "rcvar").stdout.contains("\(Self.hook)_enable=\"NO\"\n"))
    }

    /// A failed apply makes start fail (run_rc_command turns any failure into 1); /etc/rc
    /// goes on whatever it is.
    @Test func aFailedApplyMakesStartFail() throws {
        var sandbox = try sandbox(enabled: true)
        sandbox.toolExit = 3
        #expect(try sandbox.service(Self.hook, "start").status == 1)
        #expect(try sandbox.boot(Self.hook).status == 1)
    }

    /// The knob's old name is rc.subr's `${name}_program`: it is honoured with a warning and
    /// never reaches rc.subr, so a running watcher does not make status or start answer about
    /// a process.
    @Test func theOldProgramKnobStillWorksAndIsNotTakenAsTheCommand() throws {
        var sandbox = try sandbox(enabled: true, watcher: true)
        sandbox.rcConf = ["clawdie_firstboot_enable=\"YES\"", "clawdie_firstboot_program=\"\(sandbox.tool)\""]
        let warning = "\(sandbox.root)/rc.d/\(Self.hook): WARNING: clawdie_firstboot_program is now clawdie_firstboot_binary; rename it in /etc/rc.conf.\n"
        #expect(try sandbox.service(Self.hook, "status") == .init(stdout: "tool: status\n", stderr: warning, status: 0))
        #expect(try sandbox.service(Self.hook, "start") == .init(stdout: "tool: apply --boot\n", stderr: warning, status: 0))
        #expect(sandbox.logged.contains("WARNING: clawdie_firstboot_program is now clawdie_firstboot_binary"))
    }

    /// A mistyped clawdie_firstboot_config reaches the tool as --config, which refuses it.
    @Test func aConfiguredFileIsAlwaysNamed() throws {
        let sandbox = try sandbox(enabled: true, config: "/usr/local/etc/clawdie-firstbot.conf")
        #expect(try sandbox.boot(Self.hook).stdout == "tool: --config /usr/local/etc/clawdie-firstbot.conf apply --boot\n")
    }

    /// rc.d/pf_reload under rc.subr, and the simulator's answers to the same verbs.
    @Test func pfReloadVerbsMatchTheSimulator() throws {
        var sandbox = try RCSubrSandbox()
        try sandbox.install("pf_reload")
        let host = try SimulatedSupport.host("cloud-vm")
        try host.write("/usr/local/etc/rc.d/pf_reload", try SimulatedRebootTests.pfReloadScript, mode: 0o555)
        for enabled in ["YES", "NO"] {
            sandbox.rcConf = ["pf_reload_enable=\"\(enabled)\""]
            try host.sh("/usr/sbin/sysrc", "pf_reload_enable=\(enabled)")
            for verb in ["start", "onestart", "stop", "status", "enabled"] {
                let real = try sandbox.service("pf_reload", verb)
                let simulated = try host.sh("/usr/sbin/service", "pf_reload", verb)
                let path = sandbox.root + "/rc.d/pf_reload"
                #expect(real.stdout == simulated.stdoutText, "\(verb) with pf_reload_enable=\(enabled)")
                #expect(real.stderr.replacingOccurrences(of: path, with: "/usr/local/etc/rc.d/pf_reload") == simulated.stderrText,
                        "\(verb) with pf_reload_enable=\(enabled)")
                #expect(simulated.termination == .exited(real.status), "\(verb) with pf_reload_enable=\(enabled)")
            }
            #expect(try sandbox.boot("pf_reload").status == 0)
        }
    }

    /// At boot the console says what pf_reload waits for, at most how long, and how it ended:
    /// tailscale0 appearing at the third look, never appearing, and present from the start.
    @Test(arguments: [(2, "30"), (nil, "2"), (0, "30")] as [(Int?, String)])
    func pfReloadSaysWhatItWaitsForAtBoot(appearsAtLook: Int?, timeout: String) throws {
        var sandbox = try RCSubrSandbox()
        try sandbox.install("pf_reload")
        sandbox.rcConf = ["pf_enable=\"YES\"", "tailscaled_enable=\"YES\"", "pf_reload_enable=\"YES\"", "pf_reload_timeout=\"\(timeout)\""]
        try sandbox.stub("pfctl", "[ \"$1\" = -s ] && echo 'Status: Enabled for 0 days 00:00:05'; exit 0")
        try sandbox.stub("sleep", "exit 0")
        // ifconfig fails until look number `appearsAtLook` (counted from 0), or always.
        let looks = sandbox.root + "/ifconfig-looks"
        let appears = appearsAtLook.map { "[ \"$n\" -ge \($0) ]" } ?? "false"
        try sandbox.stub("ifconfig", "n=$(cat \(looks) 2>/dev/null || echo 0); echo $((n + 1)) > \(looks); \(appears)")
        let boot = try sandbox.boot("pf_reload")
        #expect(boot.status == 0)
        switch appearsAtLook {
        case 0?:
            #expect(boot.stdout == "Reloaded pf rules.\n")
            #expect(boot.stderr == "")
        case let look?:
            #expect(boot.stdout == "Waiting for tailscale0 (at most 30 s).\ntailscale0 appeared after \(look - 1) s.\nReloaded pf rules.\n")
            #expect(boot.stderr == "")
        case nil:
            #expect(boot.stdout == "Waiting for tailscale0 (at most 2 s).\nReloaded pf rules.\n")
            #expect(boot.stderr == "/etc/rc: WARNING: tailscale0 did not appear within 2 s; reloading the rules anyway.\n")
        }
    }
}
