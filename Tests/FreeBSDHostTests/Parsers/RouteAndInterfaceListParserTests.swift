import Testing
@testable import FreeBSDHost

@Suite struct DefaultRouteParserTests {
    @Test func readsInterfaceAndGatewayFromTheFixture() throws {
        let route = try DefaultRoute.parse(try ParserFixture.text("route-get-default-vtnet0.derived.txt"))
        #expect(route == DefaultRoute(interface: "vtnet0", gateway: "10.0.2.2"))
    }

    @Test func noInterfaceLineMeansNoDefaultRoute() throws {
        // The netlink route prints the "not found" message on stderr and may exit 0: only
        // stdout's missing interface line decides, even if the message ends up in the text.
        #expect(try DefaultRoute.parse("") == nil)
        #expect(try DefaultRoute.parse(try ParserFixture.text("route-get-no-route.stderr.txt")) == nil)
    }

    @Test func toleratesVerboseOutputAndTabs() throws {
        let verbose = """
        RTA_DST: inet 0.0.0.0; RTA_NETMASK: inet 0.0.0.0; RTA_GATEWAY: inet 192.0.2.1
           route to: 0.0.0.0
        destination: 0.0.0.0
               mask: 0.0.0.0
            gateway: 192.0.2.1
                fib: 0
        \tinterface: em0
              flags: <UP,GATEWAY,DONE,STATIC>
         recvpipe  sendpipe  ssthresh  rtt,msec    mtu        weight    expire
               0         0         0         0      1500         1         0 

        locks:  inits: 
        sockaddrs: <DST,GATEWAY,NETMASK,IFP,IFA>
         0.0.0.0 192.0.2.1 0.0.0.0 em0:52.54.0.12.34.56 192.0.2.10

        """
        #expect(try DefaultRoute.parse(verbose) == DefaultRoute(interface: "em0", gateway: "192.0.2.1"))
    }

    @Test func keepsAnIPv6GatewayWithItsScopeAndAllowsNoGateway() throws {
        let inet6 = "   route to: ::\ndestination: ::\n       mask: default\n    gateway: fe80::1%vtnet0\n  interface: vtnet0\n"
        #expect(try DefaultRoute.parse(inet6) == DefaultRoute(interface: "vtnet0", gateway: "fe80::1%vtnet0"))
        let direct = "   route to: default\n  interface: wg0\n      flags: <UP,DONE,STATIC>\n"
        #expect(try DefaultRoute.parse(direct) == DefaultRoute(interface: "wg0", gateway: nil))
    }

    @Test(arguments: ["  interface: \n", "  interface: vtnet0 em0\n"])
    func rejectsAnInterfaceLineWithoutOneName(output: String) {
        let error = ParserFixture.parseError { _ = try DefaultRoute.parse(output) }
        #expect(error?.expected.contains("one interface name") == true)
        #expect(error?.lineNumber == 1)
        #expect(error?.description.contains("route -n get default") == true)
    }
}

@Suite struct InterfaceListParserTests {
    @Test func readsTheFixtureInOrder() throws {
        let names = try InterfaceList.parse(try ParserFixture.text("ifconfig-l.txt"))
        #expect(names == ["em0", "lo0", "bridge0", "bridge1", "bridge2", "epair0a", "epair0b", "epair1a", "epair1b", "epair2a", "epair2b"])
    }

    @Test(arguments: [
        ("vtnet0 lo0 warden0\n", ["vtnet0", "lo0", "warden0"]),
        ("  vtnet0   lo0  \n\n", ["vtnet0", "lo0"]),
        ("lo0", ["lo0"]),
        ("", []),
    ])
    func toleratesSpacingAndMissingNewline(output: String, names: [String]) throws {
        #expect(try InterfaceList.parse(output) == names)
    }

    @Test(arguments: ["em0 lo0\nbridge0\n", "em0: lo0\n", "averyveryverylongname0\n"])
    func rejectsAnythingButOneLineOfNames(output: String) {
        let error = ParserFixture.parseError { _ = try InterfaceList.parse(output) }
        #expect(error?.description.contains("ifconfig -l") == true)
        #expect(error?.expected.contains("interface names") == true)
    }
}
