import Testing
import TestSupport
@testable import FreeBSDHost

@Suite struct IfconfigParserTests {
    @Test(arguments: [false, true])
    func readsABridgeWithAddressAndMembers(tabs: Bool) throws {
        let text = try ParserFixture.text("ifconfig-bridge0-inet-freebsd14.txt")
        let interfaces = try IfconfigOutput.parse(tabs ? tabbed(text) : text)
        #expect(interfaces.count == 1)
        let bridge = try #require(interfaces.first)
        #expect(bridge.name == "bridge0")
        #expect(bridge.flags.value == 0x1008943)
        #expect(bridge.flags.names == ["UP", "BROADCAST", "RUNNING", "PROMISC", "SIMPLEX", "MULTICAST", "LOWER_UP"])
        #expect(bridge.isUp)
        #expect(bridge.metric == 0 && bridge.mtu == 1500)
        #expect(bridge.options == InterfaceInfo.Flags(value: 0, names: []))
        #expect(bridge.ether == "58:9c:fc:10:ff:db")
        #expect(bridge.inet == [InterfaceInfo.Inet(network: IPv4Network("10.2.70.109/24")!, broadcast: IPv4Address("10.2.70.255"))])
        #expect(bridge.inet6.isEmpty)
        #expect(bridge.groups == ["bridge"])
        #expect(bridge.members.map(\.name) == ["e0a_jail04", "e0a_jail03", "e0a_jail02", "e0a_jail01", "vtnet0"])
        let uplink = try #require(bridge.members.last)
        #expect(uplink.flags == InterfaceInfo.Flags(value: 0x143, names: ["LEARNING", "DISCOVER", "AUTOEDGE", "AUTOPTP"]))
        #expect(uplink.details == ["ifmaxaddr 0 port 1 priority 128 path cost 2000"])
        #expect(bridge.status == nil)
    }

    @Test func tabsAndSpacesGiveTheSameResult() throws {
        for name in ["ifconfig-bridge0-inet-freebsd14.txt", "ifconfig-bridge-renamed-no-members.txt", "ifconfig-vtnet0-lo0-freebsd14.txt"] {
            let text = try ParserFixture.text(name)
            #expect(tabbed(text) != text)
            #expect(try IfconfigOutput.parse(tabbed(text)) == IfconfigOutput.parse(text))
        }
    }

    @Test func aRenamedBridgeKeepsTheBridgeGroup() throws {
        let interfaces = try IfconfigOutput.parse(try ParserFixture.text("ifconfig-bridge-renamed-no-members.txt"))
        let bridge = try #require(interfaces.first)
        #expect(interfaces.count == 1)
        #expect(bridge.name == "vm-public")
        #expect(bridge.groups == ["bridge", "vm-switch", "viid-4c918@"])
        #expect(bridge.options == nil)
        #expect(bridge.members.isEmpty)
        #expect(bridge.inet.map(\.network) == [IPv4Network("192.168.8.1/24")!])
    }

    @Test func readsSeveralInterfacesFromPlainIfconfig() throws {
        let text = tabbed(try ParserFixture.text("ifconfig-vtnet0-lo0-freebsd14.txt"))
        let interfaces = try IfconfigOutput.parse(text)
        #expect(interfaces.map(\.name) == ["vtnet0", "lo0"])
        let vtnet0 = interfaces[0]
        #expect(vtnet0.status == "active")
        #expect(vtnet0.options?.value == 0x4800bb)
        #expect(vtnet0.options?.contains("LINKSTATE") == true)
        #expect(vtnet0.inet.first?.network == IPv4Network("10.2.70.107/24"))
        let lo0 = interfaces[1]
        #expect(lo0.mtu == 16384)
        #expect(lo0.flags.contains("LOOPBACK"))
        #expect(lo0.ether == nil)
        #expect(lo0.inet == [InterfaceInfo.Inet(network: IPv4Network("127.0.0.1/8")!)])
        #expect(lo0.inet6 == [
            InterfaceInfo.Inet6(address: "::1", prefixLength: 128),
            InterfaceInfo.Inet6(address: "fe80::1%lo0", prefixLength: 64),
        ])
        #expect(lo0.groups == ["lo"])
    }

    @Test func readsAPointToPointAddressAndSkipsUnknownLines() throws {
        let text = """
        tun0: flags=1008051<UP,POINTOPOINT,RUNNING,MULTICAST,LOWER_UP> metric 0 mtu 1280
        \toptions=80000<LINKSTATE>
        \tinet 100.64.0.7 --> 100.64.0.7 netmask 0xffffffff
        \tinet 100.64.0.8 netmask 0xffffffff vhid 1
        \tsomething new 1 2 3
        \tgroups: tun
        \tnd6 options=1<PERFORMNUD>
        \tOpened by PID 1234

        """
        let tunnel = try #require(try IfconfigOutput.parse(text).first)
        #expect(tunnel.inet == [
            InterfaceInfo.Inet(network: IPv4Network("100.64.0.7/32")!, destination: IPv4Address("100.64.0.7")),
            InterfaceInfo.Inet(network: IPv4Network("100.64.0.8/32")!),
        ])
        #expect(tunnel.options?.value == 0x80000)
        #expect(tunnel.groups == ["tun"])
    }

    @Test func emptyOutputHasNoInterfaces() throws {
        #expect(try IfconfigOutput.parse("").isEmpty)
    }

    @Test func recognisesAnAbsentInterface() throws {
        #expect(IfconfigOutput.absentInterface(inStderr: try ParserFixture.text("ifconfig-interface-absent.derived.stderr.txt")) == "tailscale0")
        #expect(IfconfigOutput.absentInterface(inStderr: try ParserFixture.text("ifconfig-clone-create-exists.stderr.txt")) == nil)
        #expect(IfconfigOutput.absentInterface(inStderr: "") == nil)
    }

    @Test(arguments: [
        ("ifconfig-bridge-create.txt", "bridge0"),
        ("ifconfig-epair-create.txt", "epair0a"),
        ("ifconfig-bridge0-name-warden0.derived.txt", "warden0"),
    ])
    func readsTheNamePrintedByCreateAndRename(fixture: String, name: String) throws {
        #expect(try IfconfigOutput.printedName(try ParserFixture.text(fixture)) == name)
    }

    @Test(arguments: ["", "\n", "bridge0\nbridge1\n", "ifconfig: SIOCIFCREATE2: File exists\n"])
    func rejectsCreateOutputThatIsNotOneName(output: String) {
        let error = ParserFixture.parseError { _ = try IfconfigOutput.printedName(output) }
        #expect(error?.expected == "one interface name on one line")
    }

    @Test func recognisesAnInterfaceThatAlreadyExists() throws {
        #expect(IfconfigOutput.isAlreadyExisting(stderr: try ParserFixture.text("ifconfig-clone-create-exists.stderr.txt")))
        #expect(!IfconfigOutput.isAlreadyExisting(stderr: try ParserFixture.text("ifconfig-interface-absent.derived.stderr.txt")))
    }

    @Test(arguments: [
        ("\toptions=0\n", "an interface header", 1),
        ("bridge0 flags=8843<UP> metric 0 mtu 1500\n", "an interface header", 1),
        ("bridge0: metric 0 mtu 1500\n", "an interface header", 1),
        ("bridge0: flags=zz<UP> metric 0 mtu 1500\n", "hexadecimal flag word", 1),
        ("bridge0: flags=8843<UP metric 0 mtu 1500\n", "hexadecimal flag word", 1),
        ("bridge0: flags=8843<UP> metric 0\n", "\"mtu N\"", 1),
        ("bridge0: flags=8843<UP> metric 0 mtu big\n", "a number after \"mtu\"", 1),
        ("lo0: flags=8049<UP> metric 0 mtu 16384\n\tinet 127.0.0.300 netmask 0xff000000\n", "an IPv4 address after \"inet\"", 2),
        ("lo0: flags=8049<UP> metric 0 mtu 16384\n\tinet 127.0.0.1 netmask 255.0.0.0\n", "hexadecimal netmask", 2),
        ("lo0: flags=8049<UP> metric 0 mtu 16384\n\tinet 127.0.0.1 netmask 0xff00ff00\n", "contiguous netmask", 2),
        ("lo0: flags=8049<UP> metric 0 mtu 16384\n\tinet 127.0.0.1\n", "\"netmask 0x…\"", 2),
        ("lo0: flags=8049<UP> metric 0 mtu 16384\n\tinet6 ::1\n", "\"prefixlen N\"", 2),
        ("lo0: flags=8049<UP> metric 0 mtu 16384\n\tinet6 ::1 prefixlen 129\n", "\"prefixlen N\"", 2),
        ("bridge0: flags=8843<UP> metric 0 mtu 1500\n\tether\n", "link-layer address", 2),
        ("bridge0: flags=8843<UP> metric 0 mtu 1500\n\tmember: vtnet0\n", "\"member: NAME flags=HEX<…>\"", 2),
    ])
    func rejectsMalformedOutputNamingTheLine(output: String, expected: String, lineNumber: Int) {
        let error = ParserFixture.parseError { _ = try IfconfigOutput.parse(output) }
        #expect(error?.expected.contains(expected) == true, "\(String(describing: error))")
        #expect(error?.lineNumber == lineNumber)
        #expect(error?.description.hasPrefix("cannot read `ifconfig` output: expected ") == true)
    }
}
