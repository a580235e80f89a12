import FirstbootEngine

extension PFRuntime {
    /// Reads what the synthesized `Encodable` conformance writes (every member required but
    /// the loaded ruleset and `since`, which older states lack).
    init(json c: JSONFields) throws(JSONShapeError) {
        enabled = try c.bool("enabled")
        since = try c.optionalBool("since") ?? false
        loadedText = try c.optionalString("loadedText")
        loadedPath = try c.optionalString("loadedPath")
        interfacesAtLoad = try c.strings("interfacesAtLoad")
        tables = try c.map("tables", expected: "a list of strings", \.stringsValue)
    }
}
