import FirstbootEngine

extension SimulatedInterface {
    /// Reads what the synthesized `Encodable` conformance writes.
    init(json c: JSONFields) throws(JSONShapeError) {
        name = try c.string("name")
        originalName = try c.string("originalName")
        let kindText = try c.string("kind")
        guard let kind = InterfaceKind(rawValue: kindText) else { throw JSONShapeError(path: c.path("kind"), expected: "an interface kind") }
        self.kind = kind
        index = try c.int("index")
        inet = try c.strings("inet")
        inet6 = try c.strings("inet6")
        ether = try c.optionalString("ether")
        up = try c.bool("up")
        members = try c.strings("members")
        description = try c.optionalString("description")
        bootInet = try c.strings("bootInet")
    }
}
