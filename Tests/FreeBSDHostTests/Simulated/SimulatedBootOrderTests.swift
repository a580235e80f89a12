import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// /etc/rc's two passes and the project's pf_reload script as the simulated boot runs them.
@Suite struct SimulatedBootOrderTests {
    static let pfRules = "block in all\npass out all keep state\npass in on tailscale0 proto tcp to port 22 keep state\n"

    private func hostWithPFReload(_ name: String = "cloud-vm") throws -> SimulatedHost {
        let host = try SimulatedSupport.host(name)
        try host.write("/usr/local/etc/rc.d/pf_reload", try SimulatedRebootTests.pfReloadScript, mode: 0o555)
        try host.sh("/usr/sbin/sysrc", "pf_reload_enable=YES")
        return host
    }

    @Test func theFirstPassRunsBaseScriptsUpToFilesystemsBeforeAnyLocalScript() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        // A local script whose requirement nobody provides: rcorder orders it as early as it can,
        // but only in the second pass, after FILESYSTEMS.
        try host.write("/usr/local/etc/rc.d/orphan", "#!/bin/sh\n# PROVIDE: orphan\n# REQUIRE: nosuchthing\n", mode: 0o555)
        let order = try host.reboot().scripts
        #expect(Array(order.prefix(3)) == ["/etc/rc.d/root", "/etc/rc.d/FILESYSTEMS", "/usr/local/etc/rc.d/orphan"])
        #expect(order.filter { $0 == "/etc/rc.d/root" }.count == 1)
        #expect(order.filter { $0 == "/etc/rc.d/FILESYSTEMS" }.count == 1)
    }

    @Test func anotherEarlyLateDividerMovesTheSplit() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.write("/usr/local/etc/rc.d/orphan", "#!/bin/sh\n# PROVIDE: orphan\n# REQUIRE: nosuchthing\n", mode: 0o555)
        try host.sh("/usr/sbin/sysrc", "early_late_divider=NETWORKING")
        let order = try host.reboot().scripts
        #expect(order.firstIndex(of: "/etc/rc.d/NETWORKING")! < order.firstIndex(of: "/usr/local/etc/rc.d/orphan")!)
    }

    @Test func localStartupNoRunsNoLocalScripts() throws {
        let host = try hostWithPFReload()
        try host.sh("/usr/sbin/sysrc", "local_startup=NO")
        #expect(try host.reboot().entry("pf_reload") == nil)
    }

    /// A pf_reload that requires only tailscaled, without tailscaled installed: rcorder drops
    /// the requirement, the script gets sequence 1 and runs right after FILESYSTEMS, before pf,
    /// and finds pf not yet enabled — harmless.
    @Test func aPFReloadRequiringOnlyTailscaledRunsBeforePFAndDoesNothing() throws {
        let host = try hostWithPFReload()
        let onlyTailscaled = try SimulatedRebootTests.pfReloadScript
            .replacingOccurrences(of: "# REQUIRE: NETWORKING tailscaled\n", with: "# REQUIRE: tailscaled\n")
        try host.write("/usr/local/etc/rc.d/pf_reload", onlyTailscaled, mode: 0o555)
        try host.write("/etc/pf.conf", Self.pfRules, mode: 0o600)
        try host.sh("/usr/sbin/sysrc", "pf_enable=YES")
        let report = try host.reboot()
        let order = report.scripts
        let reload = try #require(order.firstIndex(of: "/usr/local/etc/rc.d/pf_reload"))
        #expect(order[reload - 1] == "/etc/rc.d/FILESYSTEMS")
        #expect(reload < order.firstIndex(of: "/etc/rc.d/pf")!)
        #expect(report.entry("pf_reload")?.summary == "pf is not enabled; nothing to reload")
        #expect(try host.sh("/sbin/pfctl", "-s", "info").stdoutText.hasPrefix("Status: Enabled"))
    }

    /// The project's pf_reload also requires NETWORKING: without tailscaled it still runs after
    /// pf and reloads the rules.
    @Test func withoutTailscaleTheProjectsPFReloadRunsAfterPF() throws {
        let host = try hostWithPFReload()
        try host.write("/etc/pf.conf", Self.pfRules, mode: 0o600)
        try host.sh("/usr/sbin/sysrc", "pf_enable=YES")
        let report = try host.reboot()
        let order = report.scripts
        let reload = try #require(order.firstIndex(of: "/usr/local/etc/rc.d/pf_reload"))
        #expect(order.firstIndex(of: "/etc/rc.d/NETWORKING")! < reload)
        #expect(report.entry("pf_reload")?.summary == "tailscaled is not enabled, so no wait; reloaded /etc/pf.conf")
    }

    @Test func serviceRunsPFReloadLikeTheScript() throws {
        let host = try hostWithPFReload()
        let off = try host.sh("/usr/sbin/service", "pf_reload", "start")
        #expect(off.succeeded && off.stdoutText == "pf is not enabled; nothing to reload.\n")

        try host.write("/etc/pf.conf", Self.pfRules, mode: 0o600)
        try host.sh("/usr/sbin/sysrc", "pf_enable=YES")
        try host.sh("/usr/sbin/service", "pf", "start")
        // tailscaled not enabled: no wait, straight to the reload.
        let reload = try host.sh("/usr/sbin/service", "pf_reload", "start")
        #expect(reload.succeeded && reload.stdoutText == "Reloaded pf rules.\n" && reload.stderrText.isEmpty)

        // tailscaled enabled but tailscale0 never appears: a warning after the bounded wait.
        try host.sh("/usr/sbin/sysrc", "tailscaled_enable=YES", "pf_reload_timeout=5")
        let waited = try host.sh("/usr/sbin/service", "pf_reload", "start")
        #expect(waited.succeeded && waited.stdoutText == "Waiting for tailscale0 (at most 5 s).\nReloaded pf rules.\n")
        #expect(waited.stderrText == "/usr/local/etc/rc.d/pf_reload: WARNING: tailscale0 did not appear within 5 s; reloading the rules anyway.\n")

        // A broken pf.conf is not loaded: the rules in force stay.
        try host.write("/etc/pf.conf", "pass in on vtnet0 wobble\n", mode: 0o600)
        let broken = try host.sh("/usr/sbin/service", "pf_reload", "start")
        #expect(broken.termination == .exited(1))
        #expect(broken.stderrText.hasSuffix("/usr/local/etc/rc.d/pf_reload: WARNING: /etc/pf.conf does not pass pfctl -nf; the loaded rules stay.\n"))
        #expect(try host.sh("/sbin/pfctl", "-s", "rules").stdoutText.contains("port = ssh"))
    }

    /// rc.d/pf_reload sets neither `command` nor `status_cmd`: rc.subr has no status verb for
    /// it and says so, enabled or not (rc-facts.md).
    @Test func pfReloadHasNoStatusVerb() throws {
        let host = try hostWithPFReload()
        for enabled in ["YES", "NO"] {
            try host.sh("/usr/sbin/sysrc", "pf_reload_enable=\(enabled)")
            let status = try host.sh("/usr/sbin/service", "pf_reload", "status")
            #expect(status.termination == .exited(1))
            #expect(status.stdoutText.isEmpty)
            #expect(status.stderrText == """
                /usr/local/etc/rc.d/pf_reload: unknown directive 'status'.
                Usage: /usr/local/etc/rc.d/pf_reload [fast|force|one|quiet](start|stop|restart|rcvar|enable|disable|delete|enabled|describe|extracommands)

                """)
        }
    }

    @Test func theLockdownSequenceSurvivesAColdBoot() throws {
        // The lockdown phase end to end on the model: install, enable, start, up, rules on
        // tailscale0, pf_reload; after a cold boot SSH over tailscale0 still passes.
        let host = try hostWithPFReload()
        try host.bootstrapPkg()
        try host.sh("/usr/sbin/pkg", "install", "-y", "tailscale")
        try host.sh("/usr/sbin/sysrc", "tailscaled_enable=YES")
        try host.sh("/usr/sbin/service", "tailscaled", "start")
        try host.writeFile(TailscaleFixture.keyPath, contents: Data(TailscaleFixture.key.utf8), mode: 0o600, owner: .root)
        #expect(try host.tailscale("up", TailscaleFixture.keyArgument, "--hostname=clawdie-vm").succeeded)
        try host.write("/etc/pf.conf", Self.pfRules, mode: 0o600)
        try host.sh("/usr/sbin/sysrc", "pf_enable=YES")
        try host.sh("/usr/sbin/service", "pf", "start")

        let report = try host.reboot()
        let order = report.scripts
        #expect(order.firstIndex(of: "/etc/rc.d/pf")! < order.firstIndex(of: "/usr/local/etc/rc.d/tailscaled")!)
        #expect(order.firstIndex(of: "/usr/local/etc/rc.d/tailscaled")! < order.firstIndex(of: "/usr/local/etc/rc.d/pf_reload")!)
        #expect(host.probe(interface: "tailscale0", protocol: .tcp, port: 22).passes)
        #expect(!host.probe(interface: "vtnet0", protocol: .tcp, port: 22).passes)
        #expect(try host.tailscale("ip", "-4").stdoutText == "100.64.0.1\n")
    }
}
