import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import FreeBSDHost

@Suite struct SimulatedRebootTests {
    static let tailscaleRules = """
    ext_if = "vtnet0"
    set skip on lo0
    block in all
    pass out all keep state
    pass in on tailscale0 proto tcp to port 22 keep state

    """

    /// The project's own rc.d/pf_reload, as install-pf-reload installs it.
    static var pfReloadScript: String {
        get throws { try RepositoryRoot.read("rc.d/pf_reload") }
    }

    @Test func theBridgeComesBackFromRCConf() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.sh("/sbin/ifconfig", "bridge", "create")
        try host.sh("/sbin/ifconfig", "bridge0", "name", "warden0")
        try host.sh("/sbin/ifconfig", "warden0", "inet", "192.168.100.1/24", "up")
        try host.sh("/usr/sbin/sysrc", "cloned_interfaces+=bridge0")
        try host.sh("/usr/sbin/sysrc", "ifconfig_bridge0_name=warden0")
        try host.sh("/usr/sbin/sysrc", "ifconfig_warden0=inet 192.168.100.1/24 up")
        try host.sh("/sbin/ifconfig", "lo", "create")

        let report = try host.reboot()
        #expect(try host.sh("/sbin/ifconfig", "-l").stdoutText == "vtnet0 lo0 warden0\n")
        let shown = try host.sh("/sbin/ifconfig", "warden0").stdoutText
        #expect(shown.contains("\tinet 192.168.100.1 netmask 0xffffff00 broadcast 192.168.100.255\n"))
        #expect(shown.contains("\tgroups: bridge\n"))
        let netif = try #require(report.entry("/etc/rc.d/netif"))
        #expect(netif.summary.contains("created bridge0") && netif.summary.contains("renamed bridge0 to warden0"))
        #expect(try host.sh("/sbin/route", "-n", "get", "default").stdoutText.contains("  interface: vtnet0\n"))
        #expect(try host.sh("/usr/sbin/service", "sshd", "status").succeeded)
    }

    @Test func aBridgeNotInRCConfIsGoneAfterReboot() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.sh("/sbin/ifconfig", "bridge", "create")
        try host.sh("/sbin/sysctl", "net.inet.ip.forwarding=1")
        _ = try host.reboot()
        #expect(try host.sh("/sbin/ifconfig", "-l").stdoutText == "vtnet0 lo0\n")
        #expect(try host.sh("/sbin/sysctl", "-n", "net.inet.ip.forwarding").stdoutText == "0\n")
        try host.sh("/usr/sbin/sysrc", "gateway_enable=YES")
        _ = try host.reboot()
        #expect(try host.sh("/sbin/sysctl", "-n", "net.inet.ip.forwarding").stdoutText == "1\n")
    }

    @Test func pfEnabledInRCConfLoadsPFConfAtBoot() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.write("/etc/pf.conf", "block in all\npass in on vtnet0 proto tcp to port 22 keep state\n", mode: 0o600)
        try host.sh("/usr/sbin/sysrc", "pf_enable=YES")
        let report = try host.reboot()
        #expect(try host.sh("/sbin/pfctl", "-s", "info").stdoutText.hasPrefix("Status: Enabled for"))
        #expect(try host.sh("/sbin/pfctl", "-s", "rules").stdoutText.contains("pass in on vtnet0 proto tcp from any to any port = ssh"))
        let order = report.scripts
        #expect(order.firstIndex(of: "/etc/rc.d/netif")! < order.firstIndex(of: "/etc/rc.d/pf")!)
        #expect(order.firstIndex(of: "/etc/rc.d/pf")! < order.firstIndex(of: "/etc/rc.d/NETWORKING")!)
        #expect(report.entry("/etc/rc.d/pf")?.outcome == .ran)
        #expect(!host.probe(interface: "vtnet0", protocol: .tcp, port: 80).passes)
    }

    @Test func pfStaysOffWhenNotEnabled() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.write("/etc/pf.conf", "block in all\n")
        try host.sh("/usr/sbin/service", "pf", "onestart")
        let report = try host.reboot()
        #expect(report.entry("/etc/rc.d/pf")?.outcome == .disabled)
        #expect(try host.sh("/sbin/kldstat", "-q", "-m", "pf").termination == .exited(1))
        #expect(host.probe(interface: "vtnet0", protocol: .tcp, port: 80).passes)
    }

    private func tailscaleHost(withPFReload: Bool) throws -> SimulatedHost {
        var profile = try HostProfile.load(path: SimulatedSupport.plansProfilePath("cloud-vm"))
        profile.tailscale = ProfileTailscale(installed: true, daemonRunning: true, backendState: "Running", addresses: ["100.101.102.103"])
        let host = try SimulatedSupport.host(profile)
        try host.write("/etc/pf.conf", Self.tailscaleRules, mode: 0o600)
        try host.sh("/usr/sbin/sysrc", "pf_enable=YES")
        try host.sh("/usr/sbin/sysrc", "tailscaled_enable=YES")
        if withPFReload {
            try host.write("/usr/local/etc/rc.d/pf_reload", try Self.pfReloadScript, mode: 0o555)
            try host.sh("/usr/sbin/sysrc", "pf_reload_enable=YES")
        }
        // Before the reboot the rules were loaded with tailscale0 present: SSH over it works.
        try host.sh("/usr/sbin/service", "pf", "start")
        #expect(host.probe(interface: "tailscale0", protocol: .tcp, port: 22).passes)
        return host
    }

    @Test func coldBootWithoutPFReloadLocksSSHOverTailscaleOut() throws {
        let host = try tailscaleHost(withPFReload: false)
        let report = try host.reboot()
        let order = report.scripts
        #expect(order.firstIndex(of: "/etc/rc.d/pf")! < order.firstIndex(of: "/usr/local/etc/rc.d/tailscaled")!)
        #expect(report.entry("tailscaled")?.summary.contains("tailscale0 created with 100.101.102.103/32") == true)
        #expect(try host.sh("/sbin/ifconfig", "tailscale0").succeeded)
        #expect(!host.probe(interface: "tailscale0", protocol: .tcp, port: 22).passes)
    }

    @Test func coldBootWithPFReloadBindsTheRulesToTailscale0() throws {
        let host = try tailscaleHost(withPFReload: true)
        let report = try host.reboot()
        let order = report.scripts
        #expect(order.firstIndex(of: "/usr/local/etc/rc.d/tailscaled")! < order.firstIndex(of: "/usr/local/etc/rc.d/pf_reload")!)
        #expect(report.entry("pf_reload")?.summary == "tailscale0 is present; reloaded /etc/pf.conf")
        #expect(host.probe(interface: "tailscale0", protocol: .tcp, port: 22).passes)
        #expect(!host.probe(interface: "vtnet0", protocol: .tcp, port: 22).passes)
    }

    @Test func pfReloadDisabledOrNotExecutableDoesNothing() throws {
        let host = try tailscaleHost(withPFReload: true)
        try host.sh("/usr/sbin/sysrc", "pf_reload_enable=NO")
        #expect(try host.reboot().entry("pf_reload")?.outcome == .disabled)
        #expect(!host.probe(interface: "tailscale0", protocol: .tcp, port: 22).passes)
        try host.sh("/usr/sbin/sysrc", "pf_reload_enable=YES")
        try host.write("/usr/local/etc/rc.d/pf_reload", try Self.pfReloadScript, mode: 0o644)
        #expect(try host.reboot().entry("pf_reload") == nil)
    }

    @Test func bareMetalBootKeepsTheOperatorsBridgeAndSkipsUnmodelledScripts() throws {
        let host = try SimulatedSupport.host("bare-metal")
        let report = try host.reboot()
        let shown = try host.sh("/sbin/ifconfig", "bridge0").stdoutText
        #expect(shown.contains("\tdescription: vm-public\n"))
        #expect(shown.contains("\tmember: em0 "))
        #expect(try host.sh("/sbin/ifconfig", "tap0").termination == .exited(1))
        #expect(try host.sh("/sbin/route", "-n", "get", "default").stdoutText.contains("    gateway: 203.0.113.1\n"))
        #expect(report.entry("/usr/local/etc/rc.d/vm")?.outcome == .skipped)
        #expect(report.entry("/etc/rc.d/ntpd")?.summary == "started ntpd")
        // A bridge created now takes the next free unit, as on the real host.
        #expect(try host.sh("/sbin/ifconfig", "bridge", "create").stdoutText == "bridge1\n")
    }

    @Test func theFirstbootSentinelIsRemovedAtTheEndOfBoot() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        #expect(try host.readFile("/firstboot") != nil)
        _ = try host.reboot()
        #expect(try host.readFile("/firstboot") == nil)
    }

    @Test func circularLocalScriptsStopTheBootWithTheCycleNamed() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.write("/usr/local/etc/rc.d/a", "#!/bin/sh\n# PROVIDE: a\n# REQUIRE: b\n", mode: 0o555)
        try host.write("/usr/local/etc/rc.d/b", "#!/bin/sh\n# PROVIDE: b\n# REQUIRE: a\n", mode: 0o555)
        try host.sh("/sbin/ifconfig", "bridge", "create")
        #expect {
            _ = try host.reboot()
        } throws: { error in
            "\(error)".contains("/usr/local/etc/rc.d/a")
        }
        #expect(try host.sh("/sbin/ifconfig", "-l").stdoutText == "vtnet0 lo0 bridge0\n")
    }
}
