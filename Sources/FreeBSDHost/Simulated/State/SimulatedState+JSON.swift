import FirstbootEngine

extension SimulatedState {
    /// Reads a state file, the one reader of what the synthesized `Encodable` conformance
    /// writes (every member required except the optional routes), over the project's JSON
    /// parser, which refuses a key given twice.
    init(json c: JSONFields) throws(JSONShapeError) {
        formatVersion = try c.int("formatVersion")
        profileDigest = try c.string("profileDigest")
        hostname = try c.string("hostname")
        freebsdVersion = try c.string("freebsdVersion")
        let ties = try c.string("rcorderTies")
        guard let order = RCOrder.TieOrder(rawValue: ties) else {
            throw JSONShapeError(path: "rcorderTies", expected: "ascending or descending")
        }
        rcorderTies = order
        interfaces = try c.objectList("interfaces") { item throws(JSONShapeError) in try SimulatedInterface(json: item) }
        nextInterfaceIndex = try c.int("nextInterfaceIndex")
        defaultRoute = try c.optionalObject("defaultRoute").map { route throws(JSONShapeError) in try ProfileRoute(json: route) }
        initialRoute = try c.optionalObject("initialRoute").map { route throws(JSONShapeError) in try ProfileRoute(json: route) }
        files = try c.objectMap("files") { file throws(JSONShapeError) in try ProfileFile(json: file) }
        packages = try c.map("packages", expected: "a string", \.stringValue)
        services = try c.map("services", expected: "a whole number", \.intValue)
        nextPID = try c.int("nextPID")
        kernelModules = try c.strings("kernelModules")
        pf = try PFRuntime(json: c.object("pf"))
        ipForwarding = try c.int("ipForwarding")
        tailscale = try TailscaleRuntime(json: c.object("tailscale"))
        faultsFired = try c.map("faultsFired", expected: "a whole number", \.intValue)
        boots = try c.int("boots")
        clonedEthers = try c.map("clonedEthers", expected: "a string", \.stringValue)
    }
}
