/// The members of one JSON object, read by name with their types checked: a hand-written
/// decoder's equivalent of a keyed decoding container. Absent and `null` members read as nil
/// from the `optional…` accessors, as `decodeIfPresent` does.
package struct JSONFields: Sendable {
    package let members: [JSONMember]
    /// Where the object is in its document (`files["/etc/rc.conf"]`), for messages.
    package let path: String

    package init(_ value: JSONValue, path: String = "") throws(JSONShapeError) {
        guard case .object(let members) = value else { throw JSONShapeError(path: path, expected: "an object") }
        self.members = members
        self.path = path
    }

    private init(members: [JSONMember], path: String) {
        self.members = members
        self.path = path
    }

    /// The value of member `key` (the parser refuses a key given twice).
    package subscript(key: String) -> JSONValue? {
        members.last { $0.key == key }?.value
    }

    package func path(_ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    /// Reads a required member through `convert`, which returns nil for a value of another type.
    private func read<T>(_ key: String, _ expected: String, _ convert: (JSONValue) -> T?) throws(JSONShapeError) -> T {
        guard let value = self[key], !value.isNull else { throw JSONShapeError(path: path(key), expected: expected) }
        guard let result = convert(value) else { throw JSONShapeError(path: path(key), expected: expected) }
        return result
    }

    /// Reads an optional member: nil when absent or null, an error when of another type.
    private func readIfPresent<T>(_ key: String, _ expected: String, _ convert: (JSONValue) -> T?) throws(JSONShapeError) -> T? {
        guard let value = self[key], !value.isNull else { return nil }
        guard let result = convert(value) else { throw JSONShapeError(path: path(key), expected: expected) }
        return result
    }

    package func string(_ key: String) throws(JSONShapeError) -> String { try read(key, "a string", \.stringValue) }
    package func optionalString(_ key: String) throws(JSONShapeError) -> String? { try readIfPresent(key, "a string", \.stringValue) }
    package func int(_ key: String) throws(JSONShapeError) -> Int { try read(key, "a whole number", \.intValue) }
    package func optionalInt(_ key: String) throws(JSONShapeError) -> Int? { try readIfPresent(key, "a whole number", \.intValue) }
    package func int64(_ key: String) throws(JSONShapeError) -> Int64 { try read(key, "a whole number", \.int64Value) }
    package func optionalInt64(_ key: String) throws(JSONShapeError) -> Int64? { try readIfPresent(key, "a whole number", \.int64Value) }
    package func bool(_ key: String) throws(JSONShapeError) -> Bool { try read(key, "true or false", \.boolValue) }
    package func optionalBool(_ key: String) throws(JSONShapeError) -> Bool? { try readIfPresent(key, "true or false", \.boolValue) }
    package func strings(_ key: String) throws(JSONShapeError) -> [String] { try read(key, "a list of strings", \.stringsValue) }
    package func optionalStrings(_ key: String) throws(JSONShapeError) -> [String]? {
        try readIfPresent(key, "a list of strings", \.stringsValue)
    }

    package func object(_ key: String) throws(JSONShapeError) -> JSONFields {
        guard let value = self[key], case .object(let members) = value else { throw JSONShapeError(path: path(key), expected: "an object") }
        return JSONFields(members: members, path: path(key))
    }

    package func optionalObject(_ key: String) throws(JSONShapeError) -> JSONFields? {
        guard let value = self[key], !value.isNull else { return nil }
        guard case .object(let members) = value else { throw JSONShapeError(path: path(key), expected: "an object") }
        return JSONFields(members: members, path: path(key))
    }

    /// An object member read as a map whose values `convert` reads (nil for a value of
    /// another type, described by `expected`), as `[String: T]` decodes.
    package func map<T>(_ key: String, expected: String, _ convert: (JSONValue) -> T?) throws(JSONShapeError) -> [String: T] {
        let object = try self.object(key)
        var result: [String: T] = Dictionary(minimumCapacity: object.members.count)
        for member in object.members {
            guard let value = convert(member.value) else { throw JSONShapeError(path: object.path(member.key), expected: expected) }
            result[member.key] = value
        }
        return result
    }

    /// An object member read as a map of objects, each read by `read`.
    package func objectMap<T>(_ key: String, _ read: (JSONFields) throws(JSONShapeError) -> T) throws(JSONShapeError) -> [String: T] {
        let object = try self.object(key)
        var result: [String: T] = Dictionary(minimumCapacity: object.members.count)
        for member in object.members {
            result[member.key] = try read(JSONFields(member.value, path: object.path(member.key)))
        }
        return result
    }

    /// An array member whose elements are objects, each read by `read`.
    package func objectList<T>(_ key: String, _ read: (JSONFields) throws(JSONShapeError) -> T) throws(JSONShapeError) -> [T] {
        let elements = try array(key)
        var result: [T] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            result.append(try read(JSONFields(element, path: "\(path(key))[\(index)]")))
        }
        return result
    }

    package func array(_ key: String) throws(JSONShapeError) -> [JSONValue] {
        try read(key, "a list") { value in
            guard case .array(let elements) = value else { return nil }
            return elements
        }
    }

    /// Refuses members outside `allowed`, for formats where a misspelt field must not pass.
    package func refuseOthers(than allowed: Set<String>) throws(JSONShapeError) {
        for key in members.map(\.key).sorted() where !allowed.contains(key) {
            throw JSONShapeError(path: path(key), expected: "no such field")
        }
    }
}
