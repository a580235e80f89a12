import FirstbootEngine
import FreeBSDHost
import Testing
@testable import ClawdieFirstboot

@Suite struct CreateBridgeTests {
    @Test func aFreshHostGetsBridge0RenamedAndAddressedNowAndAtBoot() throws {
        let fixture = try SimulatedFixture()
        #expect(try fixture.commands(of: "create-bridge") == [
            "/sbin/ifconfig bridge0 create", "/sbin/ifconfig bridge0 name warden0", "/sbin/ifconfig warden0 inet 192.168.100.1/24 up",
        ])
        _ = try fixture.engine.apply()
        #expect(try fixture.host.readKey("cloned_interfaces", inFile: "/etc/rc.conf") == "bridge0")
        #expect(try fixture.host.readKey("ifconfig_bridge0_name", inFile: "/etc/rc.conf") == "warden0")
        #expect(try fixture.host.readKey("ifconfig_warden0", inFile: "/etc/rc.conf") == "inet 192.168.100.1/24 up")
        #expect(try fixture.run("/sbin/ifconfig", "warden0").stdoutText.contains("inet 192.168.100.1 netmask 0xffffff00 broadcast 192.168.100.255"))
    }

    @Test func aBridge0UsedBySomethingElseLeadsToTheNextFreeUnit() throws {
        let fixture = try SimulatedFixture("bare-metal")
        #expect(try fixture.commands(of: "create-bridge").first == "/sbin/ifconfig bridge1 create")
        _ = try fixture.engine.apply()
        #expect(try fixture.host.readKey("cloned_interfaces", inFile: "/etc/rc.conf") == "bridge0 bridge1")
        // bridge0 keeps its own settings.
        #expect(try fixture.run("/sbin/ifconfig", "bridge0").succeeded)
    }

    @Test func anExistingWardenWithTheRightAddressIsLeftAlone() throws {
        let fixture = try SimulatedFixture()
        _ = try fixture.run("/sbin/ifconfig", "bridge5", "create")
        _ = try fixture.run("/sbin/ifconfig", "bridge5", "name", "warden0")
        _ = try fixture.run("/sbin/ifconfig", "warden0", "inet", "192.168.100.1/24", "up")
        let step = try fixture.plannedStep("create-bridge")
        // Only the persistence is missing; nothing is created or readdressed.
        #expect(try fixture.commands(of: "create-bridge").isEmpty)
        #expect(step.changes.count == 3)
    }

    @Test func aWardenThatIsNotABridgeIsRefused() throws {
        let fixture = try SimulatedFixture()
        _ = try fixture.run("/sbin/ifconfig", "lo1", "create")
        _ = try fixture.run("/sbin/ifconfig", "lo1", "name", "warden0")
        #expect {
            _ = try fixture.engine.plan()
        } throws: { error in
            String(describing: error).contains("warden0 exists and is not a bridge interface")
        }
    }

    @Test(arguments: [("warden0", "warden0"), ("br.agents", "br_agents"), ("vm-public", "vm_public")])
    func rcConfVariableNamesFollowNetworkSubr(interface: String, variable: String) {
        #expect(ClonedInterface.rcName(interface) == variable)
    }
}
