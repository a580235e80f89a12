import FirstbootEngine

extension ProfileRoute {
    /// Reads what the synthesized `Decodable` conformance reads (the simulated state's form,
    /// which unlike a profile's `default_route` is not checked for unknown members).
    init(json c: JSONFields) throws(JSONShapeError) {
        self.init(gateway: try c.string("gateway"), interface: try c.string("interface"))
    }
}
