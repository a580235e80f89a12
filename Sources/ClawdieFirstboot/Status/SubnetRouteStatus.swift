import FirstbootEngine

/// Where each subnet route stands on the tailnet, for `status`: advertised by the node
/// (`tailscale debug prefs`) and approved by the tailnet's admin (`tailscale status --json`,
/// `Self.AllowedIPs`/`Self.PrimaryRoutes`). Unlike the rest of `status` it asks the host, with
/// read-only commands, and only once the routes were advertised: approval happens on the
/// tailnet, where the journal cannot see it.
struct SubnetRouteStatus: Equatable {
    struct Route: Equatable {
        var network: String
        /// `approved`, `awaiting-approval` or `not-advertised`.
        var state: String
    }

    var routes: [Route]
    /// Set when Tailscale did not answer.
    var problem: String?

    init(settings: Settings, host: any TargetHost) {
        let facts = TailscaleFacts(host: host)
        let wanted = settings.advertisedNetworks.map(\.description)
        do {
            guard let prefs = try facts.prefs(), let status = try facts.status() else {
                routes = wanted.map { Route(network: $0, state: "unknown") }
                problem = "tailscaled does not answer"
                return
            }
            routes = wanted.map { network in
                Route(network: network, state: !prefs.subnetRoutes.contains(network) ? "not-advertised"
                      : status.approves(network) ? "approved" : "awaiting-approval")
            }
            problem = nil
        } catch {
            routes = wanted.map { Route(network: $0, state: "unknown") }
            problem = "\(error)"
        }
    }

    /// The line `status` prints under its first.
    var line: String {
        if let problem { return "subnet routes: unknown (\(problem))" }
        let words = ["approved": "approved", "awaiting-approval": "advertised, awaiting approval", "not-advertised": "not advertised"]
        return "subnet routes: " + routes.map { "\($0.network) \(words[$0.state] ?? $0.state)" }.joined(separator: "; ")
    }
}
