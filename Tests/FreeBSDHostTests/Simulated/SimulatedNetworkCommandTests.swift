import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import FreeBSDHost

@Suite struct SimulatedNetworkCommandTests {
    @Test func routeGetDefaultPrintsFreeBSDsFormat() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        let result = try host.sh("/sbin/route", "-n", "get", "default")
        #expect(result.termination == .exited(0))
        #expect(result.stdoutText == (try SimulatedSupport.fixture("route-get-default-vtnet0.derived.txt")))
    }

    @Test func noDefaultRouteWarnsOnStderrWithEmptyStdout() throws {
        let host = try SimulatedSupport.host("no-default-route")
        for argv in [["/sbin/route", "-n", "get", "default"], ["/sbin/route", "-n", "get", "-inet6", "default"]] {
            let result = try host.run(Command(argv))
            #expect(result.stdoutText.isEmpty)
            #expect(result.stderrText == (try SimulatedSupport.fixture("route-get-no-route.stderr.txt")))
            #expect(result.termination == .exited(0))
        }
    }

    @Test func bridgeCreateRenameAndAddressAsTheStepsDoThem() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        #expect(try host.sh("/sbin/ifconfig", "bridge", "create").stdoutText == SimulatedSupport.fixture("ifconfig-bridge-create.txt"))
        let again = try host.sh("/sbin/ifconfig", "bridge0", "create")
        #expect(again.termination == .exited(1))
        #expect(again.stderrText == (try SimulatedSupport.fixture("ifconfig-clone-create-exists.stderr.txt")))
        let rename = try host.sh("/sbin/ifconfig", "bridge0", "name", "warden0")
        #expect(rename.stdoutText == (try SimulatedSupport.fixture("ifconfig-bridge0-name-warden0.derived.txt")))
        let address = try host.sh("/sbin/ifconfig", "warden0", "inet", "192.168.100.1/24", "up")
        #expect(address.succeeded && address.stdoutText.isEmpty)
        let shown = try host.sh("/sbin/ifconfig", "warden0").stdoutText
        let lines = shown.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("warden0: flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500") == true)
        #expect(lines.contains("\tinet 192.168.100.1 netmask 0xffffff00 broadcast 192.168.100.255"))
        #expect(lines.contains("\tgroups: bridge"))
        #expect(try host.sh("/sbin/ifconfig", "-l").stdoutText == "vtnet0 lo0 warden0\n")
        // The renamed bridge keeps its cloner unit: the next bridge is bridge1.
        #expect(try host.sh("/sbin/ifconfig", "bridge", "create").stdoutText == "bridge1\n")
    }

    @Test func bridgeMembersAreListed() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.sh("/sbin/ifconfig", "bridge0", "create")
        #expect(try host.sh("/sbin/ifconfig", "epair", "create").stdoutText == SimulatedSupport.fixture("ifconfig-epair-create.txt"))
        #expect(try host.sh("/sbin/ifconfig", "bridge0", "addm", "epair0a", "up").succeeded)
        let shown = try host.sh("/sbin/ifconfig", "bridge0").stdoutText
        #expect(shown.contains("\tmember: epair0a flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>\n\t\tifmaxaddr 0 port 4 priority 128 path cost 2000\n"))
        #expect(try host.sh("/sbin/ifconfig", "epair0a").stdoutText.contains("PROMISC"))
        #expect(try host.sh("/sbin/ifconfig", "epair0a", "destroy").succeeded)
        #expect(try host.sh("/sbin/ifconfig", "-l").stdoutText == "vtnet0 lo0 bridge0\n")
        #expect(!(try host.sh("/sbin/ifconfig", "bridge0").stdoutText.contains("member:")))
    }

    @Test func absentInterfaceIsAnErrorWithFreeBSDsText() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        let result = try host.sh("/sbin/ifconfig", "tailscale0")
        #expect(result.termination == .exited(1))
        #expect(result.stderrText == (try SimulatedSupport.fixture("ifconfig-interface-absent.derived.stderr.txt")))
    }

    @Test func loopbackIsShownExactlyAsOnFreeBSD14() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        let expected = try tabbed(SimulatedSupport.fixture("ifconfig-vtnet0-lo0-freebsd14.txt"))
        let loopback = String(expected[expected.range(of: "lo0: ")!.lowerBound...])
        #expect(try host.sh("/sbin/ifconfig", "lo0").stdoutText == loopback)
        #expect(try host.sh("/sbin/ifconfig").stdoutText.hasSuffix(loopback))
    }

    @Test func renameOntoAnExistingNameFailsAndChangesNothing() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.sh("/sbin/ifconfig", "bridge", "create")
        let result = try host.sh("/sbin/ifconfig", "bridge0", "name", "vtnet0")
        #expect(result.termination == .exited(1))
        #expect(result.stderrText == "ifconfig: ioctl SIOCSIFNAME (set name): File exists\n")
        #expect(try host.sh("/sbin/ifconfig", "-l").stdoutText == "vtnet0 lo0 bridge0\n")
    }

    @Test func addressesCanBeReplacedAliasedAndRemoved() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.sh("/sbin/ifconfig", "lo", "create")
        try host.sh("/sbin/ifconfig", "lo1", "inet", "10.83.0.1", "netmask", "255.255.255.0")
        try host.sh("/sbin/ifconfig", "lo1", "inet", "10.83.0.2/24", "alias")
        var shown = try host.sh("/sbin/ifconfig", "lo1").stdoutText
        #expect(shown.contains("\tinet 10.83.0.1 netmask 0xffffff00\n\tinet 10.83.0.2 netmask 0xffffff00\n"))
        #expect(try host.sh("/sbin/ifconfig", "lo1", "inet", "10.83.0.1", "-alias").succeeded)
        shown = try host.sh("/sbin/ifconfig", "lo1").stdoutText
        #expect(!shown.contains("10.83.0.1 "))
        let missing = try host.sh("/sbin/ifconfig", "lo1", "inet", "10.83.0.9", "delete")
        #expect(missing.termination == .exited(1))
        #expect(try host.sh("/sbin/ifconfig", "vtnet0", "destroy").termination == .exited(1))
    }

    @Test func sysctlForwarding() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        #expect(try host.sh("/sbin/sysctl", "net.inet.ip.forwarding").stdoutText == "net.inet.ip.forwarding: 0\n")
        #expect(try host.sh("/sbin/sysctl", "net.inet.ip.forwarding=1").stdoutText == "net.inet.ip.forwarding: 0 -> 1\n")
        #expect(try host.sh("/sbin/sysctl", "-n", "net.inet.ip.forwarding").stdoutText == "1\n")
    }
}
