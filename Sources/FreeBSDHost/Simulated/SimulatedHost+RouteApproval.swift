extension SimulatedHost {
    /// The tailnet's admin approves the subnet routes the node advertises now, as in the admin
    /// console; a profile with `route_approval: pending` waits for this.
    ///
    /// - Returns: the routes now in force.
    package func approveAdvertisedRoutes() throws -> [String] {
        var next = state
        next.tailscale.approveAdvertisedRoutes()
        try commit(next)
        return next.tailscale.routesInForce
    }
}
