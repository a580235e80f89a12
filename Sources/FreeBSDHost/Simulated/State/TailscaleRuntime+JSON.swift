import FirstbootEngine

extension TailscaleRuntime {
    /// Reads what the encoder writes; state files written before `login`, `settings`,
    /// `routeApproval` and `approvedRoutes` existed read as an accepting tailnet with no
    /// recorded settings, approving every route.
    init(json c: JSONFields) throws(JSONShapeError) {
        let daemonPID = try c.optionalInt("daemonPID")
        let backendState = try c.string("backendState")
        let addresses = try c.strings("addresses")
        var login = TailscaleLogin.accepts
        if let loginText = try c.optionalString("login") {
            guard let named = TailscaleLogin(rawValue: loginText) else { throw JSONShapeError(path: c.path("login"), expected: "a login behaviour") }
            login = named
        }
        let settings = try c.optionalObject("settings").map { object throws(JSONShapeError) in
            var settings: [String: String] = [:]
            for member in object.members {
                guard let value = member.value.stringValue else { throw JSONShapeError(path: object.path(member.key), expected: "a string") }
                settings[member.key] = value
            }
            return settings
        }
        var routeApproval = TailscaleRouteApproval.approved
        if let approvalText = try c.optionalString("routeApproval") {
            guard let named = TailscaleRouteApproval(rawValue: approvalText) else {
                throw JSONShapeError(path: c.path("routeApproval"), expected: "a route approval behaviour")
            }
            routeApproval = named
        }
        let approvedRoutes = try c.optionalStrings("approvedRoutes") ?? []
        self.init(daemonPID: daemonPID, backendState: backendState, addresses: addresses, login: login, settings: settings,
                  routeApproval: routeApproval, approvedRoutes: approvedRoutes)
    }
}
