import FreeBSDHost

extension SettingKey {
    /// What the key sets, in a line for the sample configuration (docs/configuration.md has more).
    var summary: String {
        switch self {
        case .extIf: "the external interface; auto: the interface of the default route"
        case .bridgeName: "the agent bridge's name"
        case .bridgeAddress: "the bridge's own address and prefix, inside nat_network"
        case .natNetwork: "the jail networks NATed out of the external interface"
        case .sshPort: "the port sshd listens on"
        case .sshMaxSrcConn: "SSH: simultaneous connections from one source (pf max-src-conn)"
        case .sshMaxSrcConnRate: "SSH: new connections per seconds from one source before it goes to <bruteforce>"
        case .publicTCPPorts: "TCP ports open to everyone on the external interface; may be empty"
        case .pfReloadWait: "seconds pf_reload waits at boot for tailscale0"
        case .bootRetryLimit: "failed boots after which the boot hook stops retrying"
        case .bootPhases: "the phases the boot hook runs: firstboot, lockdown, vnet, subnet"
        case .tailscaleAuthKeyFile: "the root-only file with the Tailscale auth key (lockdown)"
        case .tailscaleHostname: "the node's name on the tailnet; empty: the host's short name"
        case .tailnetWait: "seconds to wait for the tailnet to come up (lockdown)"
        case .vncPort: "the VNC glasspane's port, reachable only over the tailnet after lockdown"
        case .lockdownConfirmWithin: "seconds to confirm a lockdown before it is reverted; 0: a self-test decides"
        case .jailLoopback: "the cloned loopback for jails (vnet)"
        case .jailLoopbackAddress: "the loopback's own address; empty: none (vnet)"
        case .jailTable: "the pf table of every jail network (vnet)"
        case .extraBridges: "further agent bridges, NAME:ADDRESS/PREFIX each, inside nat_network (vnet)"
        case .tailscaleSubnetRoutes: "jail networks advertised to the tailnet as subnet routes: auto, a list, or empty for none (subnet)"
        case .tailscaleRouteApprovalWait: "seconds to wait for the tailnet's admin to approve the routes; 0: do not wait (subnet)"
        }
    }
}

extension Settings {
    /// The sample configuration the install layout ships as
    /// The installed `etc/clawdie-firstboot.conf.sample` (`tools/package/` in the repository): every key, commented out at its default, from the
    /// key table itself so that it cannot drift (etc/ in the repository holds the same text,
    /// and a test compares them).
    static var sampleText: String {
        let defaults = Settings()
        var lines = [
            "# clawdie-firstboot(8) configuration: rc.conf syntax, edited with `sysrc -f FILE key=value`.",
            "# Copy it to clawdie-firstboot.conf and uncomment what differs; every key below is shown",
            "# at its default. docs/configuration.md describes each key and the values it accepts.",
        ]
        for key in SettingKey.allCases {
            lines += ["", "# \(key.summary)", "#\(key.rawValue)=\(RCConfDocument.quote(defaults.value(of: key)))"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
