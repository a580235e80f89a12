/// An error in a host profile, with the field it concerns as `interfaces[0].inet`.
struct ProfileFieldError: Error, CustomStringConvertible {
    var field: String
    var message: String
    /// Whether an empty `field` is still named (``field ``: expected an object`` for a document
    /// that is not an object, as such decoding errors have always read).
    var namesFieldWhenEmpty = false
    var description: String { field.isEmpty && !namesFieldWhenEmpty ? message : "field `\(field)`: \(message)" }

    /// Renders a coding path as `files["/etc/rc.conf"].mode` or `interfaces[0].name`.
    static func fieldPath(_ path: [CodingKey]) -> String {
        var out = ""
        for key in path {
            if let index = key.intValue {
                out += "[\(index)]"
            } else if RCConfDocument.isValidName(key.stringValue) {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            } else {
                out += "[\"\(key.stringValue)\"]"
            }
        }
        return out
    }
}
