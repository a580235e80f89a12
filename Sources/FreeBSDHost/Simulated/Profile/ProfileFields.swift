import FirstbootEngine

/// The members of one object of a host profile, read by name with their types checked, for
/// `HostProfile.decode`. Its errors read as `JSONDecoder`'s were reported before (`field \`hostname\`:
/// missing; it is required`, `… expected a string`, `… is null; expected a list`), named by
/// the same paths (`files["/etc/rc.conf"].mode`, `interfaces[0].inet[1]`).
struct ProfileFields {
    let members: [JSONMember]
    /// Where the object is in the profile, as coding keys, rendered only for messages.
    let path: [AnyCodingKey]

    init(_ value: JSONValue, path: [AnyCodingKey]) throws(ProfileFieldError) {
        switch value {
        case .object(let members): self.members = members
        case .null: throw .decoding(path, "is null; expected an object")
        default: throw .decoding(path, "expected an object")
        }
        self.path = path
    }

    /// The value of member `key` (the parser refuses a key given twice).
    subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    func path(_ key: String) -> [AnyCodingKey] {
        path + [AnyCodingKey(stringValue: key)]
    }

    /// Refuses members outside `allowed`: a misspelt field silently ignored would make a
    /// profile describe a different host than its author meant. Of several unknown members,
    /// the first in sorted order is named.
    func refuseOthers(than allowed: Set<String>) throws(ProfileFieldError) {
        guard let key = members.lazy.map(\.key).filter({ !allowed.contains($0) }).min() else { return }
        throw ProfileFieldError(
            field: ProfileFieldError.fieldPath(path(key)),
            message: "unknown field; allowed here: \(allowed.sorted().joined(separator: ", "))")
    }

    /// A required member: missing and null are errors of their own.
    private func required<T>(_ key: String, _ read: (JSONValue, () -> [AnyCodingKey]) throws(ProfileFieldError) -> T) throws(ProfileFieldError) -> T {
        guard let value = self[key] else { throw .decoding(path(key), "missing; it is required") }
        return try read(value) { path(key) }
    }

    /// An optional member: nil when absent or null.
    private func optional<T>(_ key: String, _ read: (JSONValue, () -> [AnyCodingKey]) throws(ProfileFieldError) -> T) throws(ProfileFieldError) -> T? {
        guard let value = self[key], !value.isNull else { return nil }
        return try read(value) { path(key) }
    }

    func string(_ key: String) throws(ProfileFieldError) -> String { try required(key, Self.string) }
    func optionalString(_ key: String) throws(ProfileFieldError) -> String? { try optional(key, Self.string) }
    func int(_ key: String) throws(ProfileFieldError) -> Int { try required(key, Self.integer) }
    func optionalInt(_ key: String) throws(ProfileFieldError) -> Int? { try optional(key, Self.integer) }
    func optionalInt32(_ key: String) throws(ProfileFieldError) -> Int32? { try optional(key, Self.integer) }
    func optionalBool(_ key: String) throws(ProfileFieldError) -> Bool? { try optional(key, Self.bool) }
    func strings(_ key: String) throws(ProfileFieldError) -> [String] { try required(key, Self.strings) }
    func optionalStrings(_ key: String) throws(ProfileFieldError) -> [String]? { try optional(key, Self.strings) }

    func optionalObject(_ key: String) throws(ProfileFieldError) -> ProfileFields? {
        try optional(key) { value, at throws(ProfileFieldError) in try ProfileFields(value, path: at()) }
    }

    /// An optional list of objects, each read by `read`.
    func optionalObjectList<T>(_ key: String, _ read: (ProfileFields) throws(ProfileFieldError) -> T) throws(ProfileFieldError) -> [T]? {
        try optional(key) { value, at throws(ProfileFieldError) in
            let elements = try Self.list(value, at)
            let listPath = at()
            var result: [T] = []
            result.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                result.append(try read(ProfileFields(element, path: listPath + [AnyCodingKey(intValue: index)!])))
            }
            return result
        }
    }

    /// An optional object read as a map, each value read by `read`.
    func optionalMap<T>(_ key: String, _ read: (JSONValue, () -> [AnyCodingKey]) throws(ProfileFieldError) -> T) throws(ProfileFieldError) -> [String: T]? {
        try optional(key) { value, at throws(ProfileFieldError) in
            let object = try ProfileFields(value, path: at())
            var result: [String: T] = Dictionary(minimumCapacity: object.members.count)
            // The parser has refused a key given twice.
            for member in object.members where result[member.key] == nil {
                result[member.key] = try read(member.value) { object.path(member.key) }
            }
            return result
        }
    }

    static func string(_ value: JSONValue, _ at: () -> [AnyCodingKey]) throws(ProfileFieldError) -> String {
        guard case .string(let text) = value else { throw .mismatch(value, at, "a string") }
        return text
    }

    static func bool(_ value: JSONValue, _ at: () -> [AnyCodingKey]) throws(ProfileFieldError) -> Bool {
        guard case .bool(let flag) = value else { throw .mismatch(value, at, "true or false") }
        return flag
    }

    /// A whole number of type `T`; a number that is not one reads as `JSONDecoder` reports it.
    static func integer<T: FixedWidthInteger>(_ value: JSONValue, _ at: () -> [AnyCodingKey]) throws(ProfileFieldError) -> T {
        switch value {
        case .integer(let number):
            if let result = T(exactly: number) { return result }
            throw .unrepresentableNumber
        case .double(let number):
            if let result = T(exactly: number) { return result }
            throw .unrepresentableNumber
        default:
            throw .mismatch(value, at, "a whole number")
        }
    }

    static func list(_ value: JSONValue, _ at: () -> [AnyCodingKey]) throws(ProfileFieldError) -> [JSONValue] {
        guard case .array(let elements) = value else { throw .mismatch(value, at, "a list") }
        return elements
    }

    static func strings(_ value: JSONValue, _ at: () -> [AnyCodingKey]) throws(ProfileFieldError) -> [String] {
        let elements = try list(value, at)
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            result.append(try string(element) { at() + [AnyCodingKey(intValue: index)!] })
        }
        return result
    }
}

extension ProfileFieldError {
    /// A number that is not a whole one of the field's type (`1.5`, or `3000000000` for an
    /// exit status): `JSONDecoder` reported it without a field, in these words.
    static let unrepresentableNumber = ProfileFieldError(field: "", message: "not valid JSON (The given data was not valid JSON.)")

    /// A member of the wrong type, or null where a value is required.
    static func mismatch(_ value: JSONValue, _ at: () -> [AnyCodingKey], _ expected: String) -> ProfileFieldError {
        value.isNull ? .decoding(at(), "is null; expected \(expected)") : .decoding(at(), "expected \(expected)")
    }

    /// An error of the document's shape, always naming its field (``field ``: expected an
    /// object`` for a document that is not an object), as decoding errors were reported.
    static func decoding(_ at: [AnyCodingKey], _ text: String) -> ProfileFieldError {
        ProfileFieldError(field: ProfileFieldError.fieldPath(at), message: text, namesFieldWhenEmpty: true)
    }
}
