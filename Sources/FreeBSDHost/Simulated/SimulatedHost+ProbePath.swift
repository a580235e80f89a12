/// The way of a connection towards an address that may lie behind the host — a jail on an
/// agent bridge reached over the tailnet — and of its replies: `simulate probe --to ADDR`.
package struct ProbePath: Sendable, Equatable {
    /// Whether the first packet gets to `destination`.
    package var passes: Bool
    /// The way, one line a hop, in words.
    package var hops: [String]
}

extension SimulatedHost {
    /// Tailscale's address range, which tailscaled routes to tailscale0 on FreeBSD.
    static let tailnetRange = IPv4Network("100.64.0.0/10")!

    /// Follows a connection's first packet from `source`, arriving on `interface`, to
    /// `destination`: delivered to the host when it is one of the host's addresses; else
    /// forwarded — which needs `net.inet.ip.forwarding=1` — out of the interface whose network
    /// holds it (or the default route's), pf deciding both on the way in and on the way out.
    /// Then the reply: the destination answers through its gateway, the host's address on that
    /// network (FreeBSD's Tailscale does no source NAT, so the answer goes to the tailnet
    /// address itself), and the host routes it back out where the source lies, where the
    /// connection's state lets it through.
    package func probePath(interface: String, protocol proto: PFProtocol, port: UInt16?, source: IPv4Address,
                           destination: IPv4Address) -> ProbePath {
        let what = "\(source) -> \(destination) \(proto)" + (port.map { " port \($0)" } ?? "")
        var hops: [String] = []
        let inbound = probe(interface: interface, protocol: proto, port: port, source: source, destination: destination)
        hops.append("in on \(interface): \(what): \(Self.words(inbound))")
        guard inbound.passes else { return ProbePath(passes: false, hops: hops) }
        if state.interfaces.contains(where: { $0.networks.contains { $0.address == destination } }) {
            hops.append("delivered to the host, which answers out on \(interface)")
            return ProbePath(passes: true, hops: hops)
        }
        guard state.ipForwarding == 1 else {
            hops.append("not forwarded: net.inet.ip.forwarding is 0")
            return ProbePath(passes: false, hops: hops)
        }
        guard let egress = route(to: destination) else {
            hops.append("no route to \(destination)")
            return ProbePath(passes: false, hops: hops)
        }
        let outbound = probe(interface: egress.name, direction: .out, protocol: proto, port: port, source: source, destination: destination)
        hops.append("forwarded (net.inet.ip.forwarding=1), out on \(egress.name): \(Self.words(outbound))")
        guard outbound.passes else { return ProbePath(passes: false, hops: hops) }
        let gateway = egress.networks.first { $0.contains(destination) }.map { " through its gateway \($0.address)" } ?? ""
        if let back = route(to: source) {
            hops.append("reply \(destination) -> \(source)\(gateway): in on \(egress.name), routed out on \(back.name), passed by the connection's state")
        } else {
            hops.append("reply \(destination) -> \(source): no route back")
            return ProbePath(passes: false, hops: hops)
        }
        return ProbePath(passes: true, hops: hops)
    }

    /// The interface a packet to `address` leaves by: a directly connected network, the
    /// tailnet range while tailscale0 has an address, else the default route's interface.
    private func route(to address: IPv4Address) -> SimulatedInterface? {
        let connected = state.interfaces.filter { $0.networks.contains { $0.contains(address) } }
        if let best = connected.max(by: { a, b in
            (a.networks.filter { $0.contains(address) }.map(\.prefixLength).max() ?? 0)
                < (b.networks.filter { $0.contains(address) }.map(\.prefixLength).max() ?? 0)
        }) {
            return best
        }
        if Self.tailnetRange.contains(address), let tun = state.interfaces.first(where: { $0.name == "tailscale0" }), !tun.networks.isEmpty {
            return tun
        }
        return state.defaultRoute.flatMap { route in state.interfaces.first { $0.name == route.interface } }
    }

    private static func words(_ verdict: PFVerdict) -> String {
        let line = verdict.line.map { " (pf.conf line \($0))" } ?? ""
        switch verdict.cause {
        case .noMatchingRule: return verdict.passes ? "pass (pf disabled or no rule)" : "block"
        case .skippedInterface: return "pass (set skip on)\(line)"
        case .rule: return (verdict.passes ? "pass" : "block") + line
        }
    }
}
