import FirstbootEngine

extension ProfileRoute {
    /// Reads the simulated state's form of a route (which unlike a profile's `default_route` is not checked for unknown members).
    init(json c: JSONFields) throws(JSONShapeError) {
        self.init(gateway: try c.string("gateway"), interface: try c.string("interface"))
    }
}
