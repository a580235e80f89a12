/// Tailscale's run-time state: the daemon, and the node's login and settings as tailscaled
/// keeps them in /var/db/tailscale (so they survive reboots). The auth key is never kept:
/// tailscaled stores the node key it got in exchange, not the key itself.
struct TailscaleRuntime: Encodable, Equatable, Sendable {
    var daemonPID: Int?
    var backendState: String
    var addresses: [String]
    /// What the tailnet does with an auth key (the profile's `tailscale.login`).
    var login: TailscaleLogin = .accepts
    /// The settings `tailscale up` last applied that differ from their defaults (flag name →
    /// value, `true`/`false` for switches); nil when `up` never ran and the node was never
    /// logged in, which is when `up` checks nothing against earlier settings.
    var settings: [String: String]?
    /// What the tailnet's admin does with advertised routes (the profile's
    /// `tailscale.route_approval`).
    var routeApproval: TailscaleRouteApproval = .approved
    /// The routes the admin has approved for this node. Control keeps an approval when the
    /// node stops advertising the route; a route is in force while advertised and approved.
    var approvedRoutes: [String] = []

    init(daemonPID: Int?, backendState: String, addresses: [String], login: TailscaleLogin = .accepts, settings: [String: String]? = nil,
         routeApproval: TailscaleRouteApproval = .approved, approvedRoutes: [String] = []) {
        self.daemonPID = daemonPID
        self.backendState = backendState
        self.addresses = addresses
        self.login = login
        self.settings = settings
        self.routeApproval = routeApproval
        self.approvedRoutes = approvedRoutes
    }

    /// The subnet routes the node advertises (its `advertise-routes` setting), in order.
    var advertisedRoutes: [String] {
        (settings?["advertise-routes"] ?? "").split(separator: ",").map(String.init)
    }

    /// The advertised routes control has approved: what peers may route through the node
    /// (ipnstate's `Self.PrimaryRoutes`, and in `Self.AllowedIPs`).
    var routesInForce: [String] {
        routeApproval == .approved ? advertisedRoutes : advertisedRoutes.filter { approvedRoutes.contains($0) }
    }

    /// Addresses the tailnet hands out when the profile names none.
    static let defaultAddresses = ["100.64.0.1", "fd7a:115c:a1e0::1"]

    var daemonRunning: Bool { daemonPID != nil }

    /// Whether the node holds a node key, i.e. has logged in (ipnstate's `HaveNodeKey`).
    var hasNodeKey: Bool { ["Running", "Starting", "Stopped"].contains(backendState) }

    /// The state a logged-in node reaches when it starts: `Running`, unless the tailnet never
    /// lets it get there.
    var connectedState: String { login == .neverRunning ? "Starting" : "Running" }

    /// The state the backend comes up in when the daemon starts: a node that was logged in
    /// comes back connected; one stopped with `tailscale down` stays Stopped.
    var stateAfterStart: String {
        switch backendState {
        case "Running", "Starting": connectedState
        case "Stopped": "Stopped"
        default: "NeedsLogin"
        }
    }

    var inetAddresses: [String] { addresses.filter { !$0.contains(":") } }
    var inet6Addresses: [String] { addresses.filter { $0.contains(":") } }

    private enum CodingKeys: String, CodingKey {
        case daemonPID, backendState, addresses, login, settings, routeApproval, approvedRoutes
    }
}

extension TailscaleRuntime {
    /// The tailnet's admin approves every route the node advertises now (the admin console's
    /// "Edit route settings").
    mutating func approveAdvertisedRoutes() {
        for route in advertisedRoutes where !approvedRoutes.contains(route) { approvedRoutes.append(route) }
    }
}
