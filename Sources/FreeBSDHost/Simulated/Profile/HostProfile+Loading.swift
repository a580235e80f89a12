import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension HostProfile {
    /// Reads and checks a profile file.
    ///
    /// - Throws: `HostError` in one line naming the file and the field, e.g.
    ///   ``host profile plans/hosts/x.json: field `interfaces[0].speed`: unknown field; …``.
    package static func load(path: String) throws -> HostProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HostError("cannot read host profile \(path): no such readable file; check the --host-profile path")
        }
        return try decode(data, path: path)
    }

    /// Decodes profile JSON; `path` only names the source in errors.
    package static func decode(_ data: Data, path: String) throws -> HostProfile {
        do {
            try checkSize(data)
            return try HostProfile(json: ProfileFields(parseJSON(data), path: [])).checkedNames()
        } catch let error as ProfileFieldError {
            throw HostError("host profile \(path): \(error.description)")
        } catch let error as JSONParseError {
            throw HostError("host profile \(path): \(error.description)")
        }
    }

    /// Parses profile bytes as `JSONDecoder` read them before the profile had its own reader: a leading UTF-8 byte order mark is skipped
    /// and a trailing comma in an object or a list is accepted.
    static func parseJSON(_ data: Data) throws(JSONParseError) -> JSONValue {
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        return try JSONValue.parse(body, allowingTrailingCommas: true)
    }

    private static func checkSize(_ data: Data) throws(ProfileFieldError) {
        guard data.count <= InputLimits.hostProfile else {
            throw ProfileFieldError(field: "", message: "is \(data.count) bytes, more than the \(InputLimits.hostProfile) a host profile may have")
        }
    }

    /// The profile, after the checks of the whole profile: a host name and file paths FreeBSD
    /// could have (no NUL or other control characters, within MAXHOSTNAMELEN and PATH_MAX), and
    /// paths in normal form, so `/etc/../etc/rc.conf` cannot stand beside `/etc/rc.conf`.
    func checkedNames() throws(ProfileFieldError) -> HostProfile {
        if let problem = Self.nameProblem(hostname, limit: InputLimits.hostName) {
            throw ProfileFieldError(field: "hostname", message: "\(MessageText.quoted(hostname)) \(problem)")
        }
        for path in files.keys.sorted() {
            let field = "files[\(MessageText.quoted(path))]"
            if let problem = Self.nameProblem(path, limit: InputLimits.path) {
                throw ProfileFieldError(field: field, message: "the path \(problem)")
            }
            let components = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            guard path.hasPrefix("/"), path != "/", !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
                throw ProfileFieldError(field: field, message: "the path is not in normal form; write it from / with single slashes and without . or .. components, like /etc/rc.conf")
            }
        }
        return self
    }

    private static func nameProblem(_ name: String, limit: Int) -> String? {
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "contains a control character (NUL, CR, LF, …), which no FreeBSD name has"
        }
        if name.utf8.count > limit { return "is longer than \(limit) bytes" }
        return nil
    }

    /// The profile as pretty, deterministic JSON (sorted keys), ending with a newline.
    package func encode() throws -> Data {
        try JSONCoding.document(self)
    }
}
