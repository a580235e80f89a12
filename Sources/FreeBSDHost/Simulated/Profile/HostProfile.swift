import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The description of a FreeBSD host the simulated host starts from (format in
/// docs/host-profile.md): interfaces, default route, files, packages, running services,
/// Tailscale, plus recorded command transcripts and injected faults.
package struct HostProfile: Sendable, Equatable {
    /// The newest profile format this binary reads; newer ones are refused, not guessed.
    package static let currentFormatVersion = 1

    package var formatVersion: Int = HostProfile.currentFormatVersion
    package var hostname: String
    package var freebsdVersion: String
    package var interfaces: [ProfileInterface]
    package var defaultRoute: ProfileRoute?
    package var files: [String: ProfileFile]
    package var packages: [String: String]
    package var servicesRunning: [String]
    package var tailscale: ProfileTailscale
    package var transcripts: [ProfileTranscript]
    package var faults: [ProfileFault]
    /// How the host's rcorder orders scripts on the same level (`rcorder_ties`): real rcorder
    /// sorts with qsort, whose order of ties changes with the set of installed scripts, so a
    /// boot is checked under both orders.
    package var rcorderTies: RCOrder.TieOrder = .ascending

    package init(
        hostname: String, freebsdVersion: String, interfaces: [ProfileInterface] = [],
        defaultRoute: ProfileRoute? = nil, files: [String: ProfileFile] = [:], packages: [String: String] = [:],
        servicesRunning: [String] = [], tailscale: ProfileTailscale = ProfileTailscale(),
        transcripts: [ProfileTranscript] = [], faults: [ProfileFault] = []
    ) {
        self.hostname = hostname
        self.freebsdVersion = freebsdVersion
        self.interfaces = interfaces
        self.defaultRoute = defaultRoute
        self.files = files
        self.packages = packages
        self.servicesRunning = servicesRunning
        self.tailscale = tailscale
        self.transcripts = transcripts
        self.faults = faults
    }
}

/// A network interface as the profile describes it.
package struct ProfileInterface: Sendable, Equatable {
    package var name: String
    package var kind: InterfaceKind
    /// IPv4 addresses in CIDR form, the first one primary.
    package var inet: [String]
    package var inet6: [String]
    package var ether: String?
    package var up: Bool
    package var members: [String]
    package var description: String?

    package init(
        name: String, kind: InterfaceKind = .physical, inet: [String] = [], inet6: [String] = [],
        ether: String? = nil, up: Bool = true, members: [String] = [], description: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.inet = inet
        self.inet6 = inet6
        self.ether = ether
        self.up = up
        self.members = members
        self.description = description
    }
}

/// What sort of interface it is: decides its ifconfig output, whether `destroy` works and
/// whether it survives a reboot.
package enum InterfaceKind: String, Sendable, Encodable, CaseIterable {
    case physical, loopback, bridge, epair, tun, tap, vlan

    /// The driver name FreeBSD's cloner uses (`ifconfig bridge create`).
    var clonerName: String? {
        switch self {
        case .physical: nil
        case .loopback: "lo"
        case .bridge: "bridge"
        case .epair: "epair"
        case .tun: "tun"
        case .tap: "tap"
        case .vlan: "vlan"
        }
    }

    static func forCloner(_ name: String) -> InterfaceKind? {
        allCases.first { $0.clonerName == name }
    }
}

/// The default route: `gateway` reached through `interface`.
package struct ProfileRoute: Sendable, Equatable, Encodable {
    package var gateway: String
    package var interface: String
    package init(gateway: String, interface: String) {
        self.gateway = gateway
        self.interface = interface
    }
}

/// A file: bytes, mode and owner exactly as they are on the host.
package struct ProfileFile: Sendable, Equatable {
    package var contents: Data
    package var mode: FileMode
    package var owner: FileOwner

    package init(contents: Data, mode: FileMode = 0o644, owner: FileOwner = .root) {
        self.contents = contents
        self.mode = mode
        self.owner = owner
    }

    package init(text: String, mode: FileMode = 0o644, owner: FileOwner = .root) {
        self.init(contents: Data(text.utf8), mode: mode, owner: owner)
    }
}

/// Tailscale's state; `installed` implies the `tailscale` package and its files.
package struct ProfileTailscale: Sendable, Equatable {
    package var installed: Bool
    package var daemonRunning: Bool
    /// ipn.State name: NoState, NeedsLogin, NeedsMachineAuth, Stopped, Starting, Running.
    package var backendState: String
    /// The node's Tailscale addresses (100.x.y.z, fd7a:…), given to tailscale0 when Running.
    package var addresses: [String]
    /// What `tailscale up` with an auth key leads to.
    package var login: TailscaleLogin
    /// What the tailnet's admin does with advertised subnet routes.
    package var routeApproval: TailscaleRouteApproval

    package init(
        installed: Bool = false, daemonRunning: Bool = false, backendState: String = "NoState", addresses: [String] = [],
        login: TailscaleLogin = .accepts, routeApproval: TailscaleRouteApproval = .approved
    ) {
        self.installed = installed
        self.daemonRunning = daemonRunning
        self.backendState = backendState
        self.addresses = addresses
        self.login = login
        self.routeApproval = routeApproval
    }
}

/// A recorded command: this exact argv prints exactly this and exits with this status.
package struct ProfileTranscript: Sendable, Equatable, Encodable {
    package var argv: [String]
    package var stdout: String
    package var stderr: String
    package var exitStatus: Int32

    package init(argv: [String], stdout: String = "", stderr: String = "", exitStatus: Int32 = 0) {
        self.argv = argv
        self.stdout = stdout
        self.stderr = stderr
        self.exitStatus = exitStatus
    }
}

/// An injected failure: a command whose argv starts with `argv` fails with this status and
/// stderr and changes nothing; `times` nil fails always, else only the first `times` runs.
package struct ProfileFault: Sendable, Equatable, Encodable {
    package var argv: [String]
    package var exitStatus: Int32
    package var stderr: String
    package var times: Int?

    package init(argv: [String], exitStatus: Int32 = 1, stderr: String = "", times: Int? = nil) {
        self.argv = argv
        self.exitStatus = exitStatus
        self.stderr = stderr
        self.times = times
    }

    func matches(_ command: [String]) -> Bool {
        command.count >= argv.count && Array(command.prefix(argv.count)) == argv
    }
}
