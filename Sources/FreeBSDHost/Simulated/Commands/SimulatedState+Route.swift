/// route(8): `route -n get default` and `route -n get -inet6 default`.
///
/// Without a route the netlink printer warns `route: route has not been found` and returns
/// 0 (route_netlink.c); the simulator follows that path: stderr line, empty stdout, exit 0.
extension SimulatedState {
    func route(_ args: [String]) throws(Unmodelled) -> CommandOutput {
        switch args {
        case ["-n", "get", "default"], ["-n", "get", "-inet", "default"], ["get", "default"]:
            guard let route = defaultRoute, interface(named: route.interface) != nil else { return Self.noRoute }
            let mtu = interface(named: route.interface)?.kind == .tun ? 1280 : 1500
            var output = CommandOutput()
            output.out("   route to: default")
            output.out("destination: default")
            output.out("       mask: default")
            output.out("    gateway: \(route.gateway)")
            output.out("        fib: 0")
            output.out("  interface: \(route.interface)")
            output.out("      flags: <UP,GATEWAY,DONE,STATIC>")
            output.out(" recvpipe  sendpipe  ssthresh  rtt,msec    mtu        weight    expire")
            output.out("       0         0         0         0      \(mtu)         1         0 ")
            return output
        case ["-n", "get", "-inet6", "default"]:
            return Self.noRoute
        default:
            throw Unmodelled()
        }
    }

    private static let noRoute = CommandOutput.failure("route: route has not been found", status: 0)
}
