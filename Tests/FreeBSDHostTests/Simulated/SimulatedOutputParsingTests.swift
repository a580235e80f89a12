import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// The simulated host's output must be readable by the same parsers that read a real host.
@Suite struct SimulatedOutputParsingTests {
    @Test(arguments: ["cloud-vm", "bare-metal", "no-default-route"])
    func everyInterfaceListingParses(name: String) throws {
        let host = try SimulatedSupport.host(name)
        let parsed = try IfconfigOutput.parse(try host.sh("/sbin/ifconfig").stdoutText)
        #expect(parsed.map(\.name) == (try InterfaceList.parse(try host.sh("/sbin/ifconfig", "-l").stdoutText)))
        #expect(parsed.first { $0.name == "lo0" }?.inet.first?.network == IPv4Network("127.0.0.1/8"))
        if name == "bare-metal" {
            let bridge = try #require(parsed.first { $0.name == "bridge0" })
            #expect(bridge.groups == ["bridge"])
            #expect(bridge.members.map(\.name).sorted() == ["em0", "tap0"])
        }
    }

    @Test func routeStatusTablesAndTailscaleParse() throws {
        var profile = try HostProfile.load(path: SimulatedSupport.plansProfilePath("cloud-vm"))
        profile.tailscale = ProfileTailscale(installed: true, daemonRunning: true, backendState: "Running", addresses: ["100.101.102.103", "fd7a:115c:a1e0::1"])
        let host = try SimulatedSupport.host(profile)
        #expect(try DefaultRoute.parse(try host.sh("/sbin/route", "-n", "get", "default").stdoutText) == DefaultRoute(interface: "vtnet0", gateway: "10.0.2.2"))
        try host.sh("/sbin/kldload", "pf")
        #expect(try PFStatus.parse(try host.sh("/sbin/pfctl", "-s", "info").stdoutText).enabled == false)
        try host.sh("/sbin/pfctl", "-e")
        #expect(try PFStatus.parse(try host.sh("/sbin/pfctl", "-s", "info").stdoutText).enabled)
        try host.sh("/sbin/pfctl", "-t", "bruteforce", "-T", "add", "10.0.0.0/8", "192.0.2.7")
        #expect(try PFTableOutput.entries(try host.sh("/sbin/pfctl", "-t", "bruteforce", "-T", "show").stdoutText) == ["10.0.0.0/8", "192.0.2.7"])
        let status = try TailscaleStatus.parse(try host.sh("/usr/local/bin/tailscale", "status", "--json").stdoutText)
        #expect(status.backendState == .running)
        #expect(status.tailscaleIPs == ["100.101.102.103", "fd7a:115c:a1e0::1"])
        let tun = try #require(try IfconfigOutput.parse(try host.sh("/sbin/ifconfig", "tailscale0").stdoutText).first)
        #expect(tun.inet.first?.network == IPv4Network("100.101.102.103/32"))
        #expect(try SysrcOutput.changes(try host.sh("/usr/sbin/sysrc", "pf_enable=YES").stdoutText).count == 1)
    }
}
