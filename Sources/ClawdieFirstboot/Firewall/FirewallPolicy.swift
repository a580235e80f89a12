import FreeBSDHost

/// The platform's pf ruleset as typed data: one policy from which `/etc/pf.conf` is rendered,
/// whatever phase asks for it. Sections follow pf.conf(5)'s required order: macros, tables,
/// options, normalization, translation, filtering.
struct FirewallPolicy: Sendable {
    struct Macro: Sendable, Equatable {
        var name: String
        var value: String
        var comment: String
    }

    struct Table: Sendable, Equatable {
        var name: String
        var comment: [String]
        var entries: [String] = []
    }

    struct Section: Sendable, Equatable {
        var title: String
        var rules: [FilterRule]
        /// Written as comments: present for the operator to read, not loaded.
        var commentedOut = false
        var note: [String] = []
    }

    var macros: [Macro]
    var tables: [Table]
    var options: [String]
    var normalization: [String]
    /// NAT rules with their comment.
    var translation: [(comment: String, rule: String)]
    var sections: [Section]

    /// The ICMP types pf must pass for ping and path MTU discovery (Handbook, "Managing ICMP").
    static let icmpTypes = "{ echoreq, unreach }"
    /// ICMPv6 types without which IPv6 stops working: neighbour discovery, router discovery,
    /// and the errors path MTU discovery needs.
    static let icmp6Types = "{ unreach, toobig, timex, paramprob, echoreq, echorep, routersol, routeradv, neighbrsol, neighbradv }"
    /// Tailscale's WireGuard port.
    static let wireGuardPort: UInt16 = 41641

    /// The platform's ruleset for `settings` on a host whose external interface is
    /// `externalInterface`: before lockdown SSH is open (rate-limited) on the external
    /// interface and the Tailscale block is written but commented out; after lockdown SSH and
    /// VNC pass only on tailscale0 and WireGuard is let in. With `jailTable` (the vnet phase)
    /// the jail networks are one pf table that the NAT and jail rules use. With `tailnetRoutes`
    /// (the subnet phase, after lockdown) tailnet peers may reach those networks.
    static func make(_ settings: Settings, externalInterface: String, lockedDown: Bool, jailTable: Bool = false,
                     tailnetRoutes: [IPv4Network] = []) -> FirewallPolicy {
        var macros = [
            Macro(name: "ext_if", value: externalInterface, comment: "the external interface"),
            Macro(name: "bridge_if", value: settings.bridgeName, comment: "the agent bridge"),
            Macro(name: "nat_net", value: settings.natNetwork.description, comment: "jail networks, NATed out of $ext_if"),
            Macro(name: "ssh_port", value: String(settings.sshPort), comment: "SSH"),
            Macro(name: "vnc_port", value: String(settings.vncPort), comment: "the VNC glasspane, only ever over the tailnet"),
        ]
        if !settings.publicTCPPorts.isEmpty {
            macros.append(Macro(name: "public_tcp", value: "{ " + settings.publicTCPPorts.map(String.init).joined(separator: " ") + " }",
                                comment: "TCP ports open to everyone"))
        }
        if jailTable {
            let interfaces = [settings.bridgeName] + settings.extraBridges.map(\.name) + [settings.jailLoopback]
            macros.append(Macro(name: "jail_ifs", value: "{ " + interfaces.joined(separator: " ") + " }",
                                comment: "the agent bridges and the jail loopback"))
        }
        macros += [
            Macro(name: "icmp_types", value: icmpTypes, comment: "ping and path MTU discovery"),
            Macro(name: "icmp6_types", value: icmp6Types, comment: "IPv6 neighbour discovery and path MTU discovery"),
        ]
        var filtering = [
            FilterRule(comment: "Default deny: whatever no rule below passes is dropped.", action: .block),
            FilterRule(comment: "Sources that broke the SSH limits are dropped before anything else.",
                       action: .block, quick: true, from: "<bruteforce>"),
            FilterRule(comment: "The host may open connections anywhere; replies come back through the state table.",
                       action: .pass, direction: .out, keepState: true),
        ]
        if lockedDown {
            filtering.append(FilterRule(comment: "Locked down: SSH and VNC never pass on the external interface, only over the tailnet (below).",
                                        action: .block, direction: .in, quick: true, interface: "$ext_if", proto: "tcp",
                                        port: "{ $ssh_port $vnc_port }"))
        } else {
            filtering.append(FilterRule(comment: "SSH from anywhere, rate-limited: at most \(settings.sshMaxConnections) connections per source and \(settings.sshRate.connections) new ones per \(settings.sshRate.seconds) s; a faster source goes into <bruteforce> and its connections are cut.",
                                        action: .pass, direction: .in, interface: "$ext_if", family: .inet, proto: "tcp", to: "($ext_if)",
                                        port: "$ssh_port", flags: "S/SA", keepState: true, stateOptions: sshLimits(settings)))
        }
        if !settings.publicTCPPorts.isEmpty {
            filtering.append(FilterRule(comment: "Public services.", action: .pass, direction: .in, interface: "$ext_if", proto: "tcp",
                                        to: "($ext_if)", port: "$public_tcp", keepState: true))
        }
        filtering += [
            FilterRule(comment: "ICMP for ping and path MTU discovery: blocking all of it breaks large transfers.",
                       action: .pass, family: .inet, proto: "icmp", icmpTypes: "icmp-type $icmp_types", keepState: true),
            FilterRule(comment: "ICMPv6 for neighbour and router discovery and path MTU: IPv6 stops working without it.",
                       action: .pass, family: .inet6, proto: "icmp6", icmpTypes: "icmp6-type $icmp6_types", keepState: true),
            jailTable
                ? FilterRule(comment: "Jails on the agent bridges and the loopback reach the host and, through NAT, the outside.",
                             action: .pass, interface: "$jail_ifs", from: "<\(settings.jailTable)>", keepState: true)
                : FilterRule(comment: "Jails on the agent bridge reach the host and, through NAT, the outside.",
                             action: .pass, interface: "$bridge_if", from: "$nat_net", keepState: true),
        ]
        var tables = [Table(name: "bruteforce", comment: [
            "Sources that opened SSH connections too fast; filled by the SSH rule's overload.",
            "Inspect: pfctl -t bruteforce -T show    Unblock: pfctl -t bruteforce -T delete ADDRESS",
        ])]
        if jailTable {
            tables.append(Table(name: settings.jailTable, comment: [
                "Every jail network. NAT and the jail rules use this table, so a new jail network is one",
                "entry here (jail_table, extra_bridges and jail_loopback_address in the configuration).",
            ], entries: settings.jailNetworks.map(\.description)))
        }
        let routed = lockedDown && !tailnetRoutes.isEmpty
        if routed {
            tables.append(Table(name: tailnetRoutesTable, comment: [
                "The jail networks advertised to the tailnet as subnet routes (tailscale_subnet_routes);",
                "tailnet peers reach them through this host, which is the jails' gateway.",
            ], entries: tailnetRoutes.map(\.description)))
        }
        let jailSource = jailTable ? "<\(settings.jailTable)>" : "$nat_net"
        let tailscale = lockedDown
            ? Section(title: "Tailscale", rules: tailscaleRules() + (routed ? [subnetRouteRule()] : []),
                      note: ["Written by the lockdown phase; `clawdie-firstboot rollback --phase lockdown` returns",
                             "to SSH on the external interface."])
            : Section(title: "Tailscale", rules: tailscaleRules(), commentedOut: true,
                      note: ["Enabled by the lockdown phase (`clawdie-firstboot apply --phase lockdown`), which also",
                             "moves SSH off the external interface. Not active yet."])
        return FirewallPolicy(
            macros: macros,
            tables: tables,
            options: ["set skip on lo0", "set block-policy drop"],
            normalization: ["scrub in all fragment reassemble"],
            translation: [("Jails on the agent bridges reach the outside through the external address.",
                           "nat on $ext_if inet from \(jailSource) to any -> ($ext_if)")],
            sections: [Section(title: "Filtering", rules: filtering), tailscale])
    }

    /// The table of advertised jail networks, and the tailnet's address ranges (Tailscale's
    /// CGNAT range and its IPv6 ULA prefix).
    static let tailnetRoutesTable = "tailnet_routes"
    static let tailnetSources = "{ 100.64.0.0/10, fd7a:115c:a1e0::/48 }"

    /// Tailnet peers, arriving on tailscale0, may open connections to the advertised jail
    /// networks. Tailscale does no source NAT on FreeBSD, so the jails see the peer's tailnet
    /// address and answer through their gateway, this host; the state this rule creates lets
    /// the replies back out on tailscale0.
    static func subnetRouteRule() -> FilterRule {
        FilterRule(comment: "Tailnet peers reach the jail networks advertised as subnet routes.", action: .pass, direction: .in,
                   interface: "tailscale0", from: tailnetSources, to: "<\(tailnetRoutesTable)>", keepState: true)
    }

    static func sshLimits(_ settings: Settings) -> [String] {
        ["max-src-conn \(settings.sshMaxConnections)", "max-src-conn-rate \(settings.sshRate)",
         "overload <bruteforce> flush global"]
    }

    /// The rules of the Tailscale block: WireGuard in on the external interface, SSH and VNC
    /// only on `tailscale0`.
    static func tailscaleRules() -> [FilterRule] {
        [
            FilterRule(comment: "WireGuard (Tailscale) over IPv4.", action: .pass, direction: .in, interface: "$ext_if", family: .inet,
                       proto: "udp", port: String(wireGuardPort), keepState: true),
            FilterRule(comment: "WireGuard (Tailscale) over IPv6.", action: .pass, direction: .in, interface: "$ext_if", family: .inet6,
                       proto: "udp", port: String(wireGuardPort), keepState: true),
            FilterRule(comment: "SSH and VNC only over the tailnet.", action: .pass, direction: .in, interface: "tailscale0", proto: "tcp",
                       port: "{ $ssh_port $vnc_port }", keepState: true),
        ]
    }
}
