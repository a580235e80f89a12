import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

@Suite struct SimulatedServiceTests {
    @Test func startingADisabledServicePrintsCannotAndExitsZero() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.write("/etc/pf.conf", "block in all\npass out all keep state\n")
        let result = try host.sh("/usr/sbin/service", "pf", "start")
        #expect(result.termination == .exited(0))
        let expected = try SimulatedSupport.fixture("service-start-not-enabled.txt").replacingOccurrences(of: "crowdsec", with: "pf")
        #expect(result.stdoutText == expected)
        #expect(try host.sh("/sbin/kldstat", "-q", "-m", "pf").termination == .exited(1))
    }

    @Test func startingPFLoadsTheModuleAndTheRules() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.write("/etc/pf.conf", "block in all\npass out all keep state\n")
        #expect(try host.sh("/usr/sbin/service", "pf", "enable").stdoutText == SimulatedSupport.fixture("service-enable.derived.txt"))
        let start = try host.sh("/usr/sbin/service", "pf", "start")
        #expect(start.termination == .exited(0))
        #expect(start.stdoutText == (try SimulatedSupport.fixture("service-pf-start.txt")))
        #expect(try host.sh("/sbin/pfctl", "-s", "info").stdoutText.hasPrefix("Status: Enabled"))
        #expect(try host.sh("/usr/sbin/service", "pf", "check").stdoutText == SimulatedSupport.fixture("service-pf-check.txt"))
        #expect(try host.sh("/usr/sbin/service", "pf", "reload").stdoutText == SimulatedSupport.fixture("service-pf-reload.derived.txt"))
        let status = try host.sh("/usr/sbin/service", "pf", "status")
        #expect(status.termination == .exited(0))
        #expect(status.stdoutText.hasPrefix("Status: Enabled for 0 days 00:00:00"))
    }

    @Test func startingPFWithoutRulesFileOrWithBrokenRules() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.sh("/usr/sbin/sysrc", "pf_enable=YES")
        let missing = try host.sh("/usr/sbin/service", "pf", "start")
        #expect(missing.termination == .exited(1))
        #expect(missing.stderrText == "/etc/rc.d/pf: WARNING: /etc/pf.conf is not readable.\n")
        #expect(try host.sh("/usr/sbin/service", "pf", "status").stdoutText == SimulatedSupport.fixture("service-pf-status-no-module.derived.txt"))

        try host.write("/etc/pf.conf", "pass in on vtnet0 wobble\n")
        try host.sh("/usr/sbin/sysrc", "pf_fallback_rules_enable=YES")
        let broken = try host.sh("/usr/sbin/service", "pf", "start")
        #expect(broken.termination == .exited(0))
        #expect(broken.stdoutText == "Enabling pf.\n")
        #expect(broken.stderrText.contains("/etc/rc.d/pf: WARNING: Unable to load /etc/pf.conf.\n"))
        #expect(try host.sh("/sbin/pfctl", "-s", "rules").stdoutText == "block drop log all\n")
    }

    @Test func unknownScriptGetsServicesTwoLineMessage() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        let result = try host.sh("/usr/sbin/service", "nosuch", "start")
        #expect(result.termination == .exited(1))
        #expect(result.stdoutText == (try SimulatedSupport.fixture("service-script-missing.derived.txt")))
    }

    @Test func daemonsFollowRCSubrMessages() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        let status = try host.sh("/usr/sbin/service", "sshd", "status")
        #expect(status.stdoutText.hasPrefix("sshd is running as pid "))
        let again = try host.sh("/usr/sbin/service", "sshd", "start")
        #expect(again.termination == .exited(1))
        #expect(again.stderrText.hasPrefix("sshd already running? (pid="))
        #expect(try host.sh("/usr/sbin/service", "sshd", "stop").stdoutText.hasPrefix("Stopping sshd.\nWaiting for PIDS: "))
        #expect(try host.sh("/usr/sbin/service", "sshd", "status").stdoutText == "sshd is not running.\n")
        #expect(try host.sh("/usr/sbin/service", "sshd", "start").stdoutText == "Starting sshd.\n")
        #expect(try host.sh("/usr/sbin/service", "ntpd", "start").stdoutText.hasPrefix("Cannot 'start' ntpd."))
        #expect(try host.sh("/usr/sbin/service", "ntpd", "onestart").stdoutText == "Starting ntpd.\n")
    }

    @Test func serviceEListsEnabledScriptsInBootOrder() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        let listed = try host.sh("/usr/sbin/service", "-e").stdoutText.split(separator: "\n").map(String.init)
        #expect(listed.contains("/etc/rc.d/sshd"))
        #expect(!listed.contains("/etc/rc.d/pf"))
        #expect(listed.firstIndex(of: "/etc/rc.d/syslogd")! < listed.firstIndex(of: "/etc/rc.d/sshd")!)
    }

    @Test func tailscaleInstallsStartsSilentlyAndReportsState() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        #expect(try host.sh("/usr/sbin/pkg", "info", "-e", "tailscale").termination == .exited(1))
        #expect(throws: HostError.self) { try host.sh("/usr/local/bin/tailscale", "status", "--json") }
        try host.bootstrapPkg()
        let install = try host.sh("/usr/sbin/pkg", "install", "-y", "tailscale")
        #expect(install.succeeded)
        #expect(install.stdoutText.contains("New packages to be INSTALLED:\n\tca_root_nss: 3.108\n\ttailscale: 1.82.5\n"))
        #expect(try host.sh("/usr/sbin/pkg", "info", "-e", "tailscale").succeeded)
        #expect(try host.stat("/usr/local/etc/rc.d/tailscaled")?.mode == 0o555)
        let header = try RCScriptHeader.parse(try #require(try host.text("/usr/local/etc/rc.d/tailscaled")))
        #expect(header.provide == ["tailscaled"] && header.require == ["NETWORKING"] && header.keywords == ["shutdown"])
        #expect(try host.sh("/usr/sbin/pkg", "install", "-y", "tailscale").succeeded)

        let down = try host.sh("/usr/local/bin/tailscale", "status", "--json")
        #expect(down.termination == .exited(1))
        #expect(down.stderrText.contains("/var/run/tailscale/tailscaled.sock"))

        #expect(try host.sh("/usr/sbin/sysrc", "tailscaled_enable=YES").stdoutText == "tailscaled_enable:  -> YES\n")
        let start = try host.sh("/usr/sbin/service", "tailscaled", "start")
        #expect(start.succeeded && start.stdoutText.isEmpty && start.stderrText.isEmpty)
        #expect(try host.sh("/sbin/ifconfig", "tailscale0").succeeded)
        let json = try host.sh("/usr/local/bin/tailscale", "status", "--json").stdout
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["BackendState"] as? String == "NeedsLogin")
        #expect(try host.sh("/usr/sbin/service", "tailscaled", "start").stderrText.hasPrefix("tailscaled already running? (pid="))
    }

    @Test func unknownPackageIsNotFound() throws {
        let host = try SimulatedSupport.host("bare-metal")
        let result = try host.sh("/usr/sbin/pkg", "install", "-y", "py39-pillow")
        #expect(result.termination == .exited(1))
        #expect(result.stderrText == (try SimulatedSupport.fixture("pkg-install-no-match.stderr.txt")))
    }
}
