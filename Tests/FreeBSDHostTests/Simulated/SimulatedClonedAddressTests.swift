import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// FreeBSD gives a cloned Ethernet interface (a bridge) an address generated from the host and
/// the name it is created with (`ether_gen_addr(9)`), so destroying and re-creating `bridge0`
/// gives it back the same address: a step undone and applied again leaves the host as before.
@Suite struct SimulatedClonedAddressTests {
    static func ether(_ host: SimulatedHost, _ name: String) throws -> String? {
        try host.sh("/sbin/ifconfig", name).stdoutText.split(separator: "\n")
            .first { $0.hasPrefix("\tether ") }.map { String($0.dropFirst("\tether ".count)) }
    }

    @Test func aRecreatedBridgeHasTheSameAddress() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        #expect(try host.sh("/sbin/ifconfig", "bridge", "create").succeeded)
        let first = try #require(try Self.ether(host, "bridge0"))
        #expect(try host.sh("/sbin/ifconfig", "bridge0", "destroy").succeeded)
        #expect(try host.sh("/sbin/ifconfig", "bridge", "create").succeeded)
        #expect(try Self.ether(host, "bridge0") == first)
        // Another name, another address.
        #expect(try host.sh("/sbin/ifconfig", "bridge", "create").succeeded)
        #expect(try Self.ether(host, "bridge1") != first)
    }

    /// The address a profile gives its own cloned bridge is that host's address for the name:
    /// the bare-metal host's vm-bhyve switch comes back from a reboot with it.
    @Test func aProfilesBridgeKeepsItsAddressOverAReboot() throws {
        let host = try SimulatedSupport.host("bare-metal")
        let given = try #require(try Self.ether(host, "bridge0"))
        _ = try host.reboot()
        #expect(try Self.ether(host, "bridge0") == given)
    }
}

/// What ran before a reboot leaves no trace in the pids of the daemons rc starts after it, as
/// on a real host, whose kernel numbers processes afresh.
@Suite struct SimulatedRebootPIDTests {
    @Test func daemonsGetTheSamePidsWhateverRanBeforeTheReboot() throws {
        let quiet = try SimulatedSupport.host("cloud-vm")
        let busy = try SimulatedSupport.host("cloud-vm")
        var next = busy.state
        for _ in 0..<5 { _ = next.allocatePID() }
        try busy.commit(next)
        _ = try quiet.reboot()
        _ = try busy.reboot()
        #expect(!busy.state.services.isEmpty)
        #expect(busy.state.services == quiet.state.services)
    }
}
