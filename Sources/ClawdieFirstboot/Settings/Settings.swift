import FirstbootEngine
import FreeBSDHost

/// The operator's configuration of a host, as read from the configuration file
/// (`/usr/local/etc/clawdie-firstboot.conf`, rc.conf syntax so `sysrc -f` edits it). Every
/// field has the platform's default; docs/configuration.md documents each key.
package struct Settings: Sendable, Equatable {
    /// The external interface: found from the default route, or named by the operator.
    package enum ExternalInterface: Sendable, Equatable, CustomStringConvertible {
        case auto
        case named(String)
        package var description: String {
            switch self {
            case .auto: "auto"
            case .named(let name): name
            }
        }
    }

    package var externalInterface: ExternalInterface = .auto
    /// The agent bridge's name. Fixed configuration: it never derives from the assistant's name.
    package var bridgeName = "warden0"
    /// The bridge's own address and prefix; jails on it use the rest of the network.
    package var bridgeAddress = IPv4Network("192.168.100.1/24")!
    /// Source network NATed out of the external interface: every agent bridge lies inside it.
    package var natNetwork = IPv4Network("192.168.0.0/16")!
    package var sshPort: UInt16 = 22
    /// pf's `max-src-conn` for SSH: simultaneous connections from one source.
    package var sshMaxConnections = 5
    /// pf's `max-src-conn-rate` for SSH: new connections per interval from one source.
    package var sshRate = Rate(connections: 3, seconds: 60)
    /// TCP ports open to everyone on the external interface.
    package var publicTCPPorts: [UInt16] = [80, 443]
    /// Seconds `pf_reload` waits at boot for `tailscale0` before reloading the rules.
    package var pfReloadWait = 30
    /// Failed boots after which the boot hook stops retrying.
    package var bootRetryLimit = 3
    /// Phases the boot hook runs.
    package var bootPhases = [Phase.firstboot]
    /// The root-only file holding the Tailscale auth key; only its path is ever passed on.
    package var tailscaleAuthKeyFile = "/usr/local/etc/clawdie-firstboot.tailscale-key"
    /// The node's name on the tailnet; nil: the host's own name.
    package var tailscaleHostname: String?
    /// Seconds to wait for the tailnet to come up (`Running`, an address on tailscale0).
    package var tailnetWait = 120
    /// The VNC glasspane's port, reachable only over the tailnet after lockdown.
    package var vncPort: UInt16 = 5900
    /// Seconds the operator has to confirm a lockdown before it is reverted; 0: an automatic
    /// self-test decides instead.
    package var lockdownConfirmWithin = 0
    /// The cloned loopback for jails (Bastille's `bastille_network_loopback`).
    package var jailLoopback = "clawdie0"
    /// The loopback's own address; nil: none (jails add their own aliases).
    package var jailLoopbackAddress: IPv4Network?
    /// The pf table that holds every jail network.
    package var jailTable = "clawdie_jails"
    /// Further agent bridges for VNET jails, each with its own /24 inside `nat_network`.
    package var extraBridges: [Bridge] = []
    /// The jail networks the subnet phase advertises to the tailnet; off by default.
    package var subnetRoutes: SubnetRoutes = .off
    /// Seconds the subnet phase waits for the tailnet's admin to approve the routes; 0: it
    /// does not wait (a pending approval is not an error).
    package var routeApprovalWait = 0

    /// `tailscale_subnet_routes`: none, every jail network, or the operator's list.
    package enum SubnetRoutes: Sendable, Equatable, CustomStringConvertible {
        case off
        case auto
        case networks([IPv4Network])
        package var description: String {
            switch self {
            case .off: ""
            case .auto: "auto"
            case .networks(let list): list.map(\.description).joined(separator: " ")
            }
        }
    }

    /// The networks the subnet phase advertises and lets tailnet peers reach.
    package var advertisedNetworks: [IPv4Network] {
        switch subnetRoutes {
        case .off: []
        case .auto: jailNetworks
        case .networks(let list): list
        }
    }

    package struct Bridge: Sendable, Equatable, CustomStringConvertible {
        package var name: String
        package var address: IPv4Network
        package var description: String { "\(name):\(address)" }
    }

    /// Every jail network: the agent bridges' and the loopback's, in that order.
    package var jailNetworks: [IPv4Network] {
        [bridgeAddress.network] + extraBridges.map(\.address.network) + (jailLoopbackAddress.map { [$0.network] } ?? [])
    }

    package struct Rate: Sendable, Equatable, CustomStringConvertible {
        package var connections: Int
        package var seconds: Int
        package var description: String { "\(connections)/\(seconds)" }
    }

    package init() {}

    /// The settings as `key="value"` lines in a fixed order: what the journal's settings
    /// digest is computed over and what `--print-config`-style output would show.
    package var canonicalText: String {
        SettingKey.allCases.map { "\($0.rawValue)=\(RCConfDocument.quote(value(of: $0)))\n" }.joined()
    }

    /// SHA-256 of the canonical text: recorded with every run.
    package var digest: String { SHA256.hex(canonicalText) }

    package func value(of key: SettingKey) -> String {
        switch key {
        case .extIf: externalInterface.description
        case .bridgeName: bridgeName
        case .bridgeAddress: bridgeAddress.description
        case .natNetwork: natNetwork.description
        case .sshPort: String(sshPort)
        case .sshMaxSrcConn: String(sshMaxConnections)
        case .sshMaxSrcConnRate: sshRate.description
        case .publicTCPPorts: publicTCPPorts.map(String.init).joined(separator: " ")
        case .pfReloadWait: String(pfReloadWait)
        case .bootRetryLimit: String(bootRetryLimit)
        case .bootPhases: bootPhases.joined(separator: " ")
        case .tailscaleAuthKeyFile: tailscaleAuthKeyFile
        case .tailscaleHostname: tailscaleHostname ?? ""
        case .tailnetWait: String(tailnetWait)
        case .vncPort: String(vncPort)
        case .lockdownConfirmWithin: String(lockdownConfirmWithin)
        case .jailLoopback: jailLoopback
        case .jailLoopbackAddress: jailLoopbackAddress?.description ?? ""
        case .jailTable: jailTable
        case .extraBridges: extraBridges.map(\.description).joined(separator: " ")
        case .tailscaleSubnetRoutes: subnetRoutes.description
        case .tailscaleRouteApprovalWait: String(routeApprovalWait)
        }
    }
}
