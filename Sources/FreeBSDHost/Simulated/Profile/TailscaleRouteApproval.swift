/// What the tailnet's admin does with the subnet routes a node advertises: the profile field
/// `tailscale.route_approval` (docs/host-profile.md).
package enum TailscaleRouteApproval: String, Sendable, Equatable, Encodable, CaseIterable {
    /// Approved as soon as they are advertised (an `autoApprovers` policy in the tailnet).
    case approved
    /// Awaiting the admin, until `simulate approve-routes` approves what is advertised.
    case pending
}
