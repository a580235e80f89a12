import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileFile {
    /// Reads the simulated state's form of a file, refusing unknown members, both
    /// or neither of `content` and `content_base64`, bad base64, a mode or owner that does
    /// not parse.
    init(json c: JSONFields) throws(JSONShapeError) {
        try c.refuseOthers(than: Self.jsonKeys)
        switch (try c.optionalString(CodingKeys.content.rawValue), try c.optionalString(CodingKeys.contentBase64.rawValue)) {
        case (let text?, nil):
            contents = Data(text.utf8)
        case (nil, let base64?):
            guard let data = Data(base64Encoded: base64) else { throw JSONShapeError(path: c.path(CodingKeys.contentBase64.rawValue), expected: "base64") }
            contents = data
        case (nil, nil), (.some, .some):
            throw JSONShapeError(path: c.path, expected: "one of `content` and `content_base64`")
        }
        let modeText = try c.optionalString(CodingKeys.mode.rawValue) ?? "0644"
        guard let mode = Self.mode(modeText) else { throw JSONShapeError(path: c.path(CodingKeys.mode.rawValue), expected: "an octal mode such as \"0644\"") }
        self.mode = mode
        let ownerText = try c.optionalString(CodingKeys.owner.rawValue) ?? "root:wheel"
        guard let owner = FileOwnerNames.parse(ownerText) else { throw JSONShapeError(path: c.path(CodingKeys.owner.rawValue), expected: "user:group") }
        self.owner = owner
    }

    private static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))
}
