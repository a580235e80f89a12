/// Host names as Tailscale checks and shortens them (tailscale util/dnsname): `--hostname`
/// must be a valid DNS name; the tailnet shows the first label, lower-cased, as the node's
/// MagicDNS name.
enum TailnetName {
    /// The MagicDNS suffix of the simulated tailnet.
    static let magicDNSSuffix = "tail0000.ts.net"

    /// Why `name` is not a valid host name for `--hostname`, in dnsname's words; nil when it is.
    static func problem(with name: String) -> String? {
        let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : name
        if trimmed.utf8.count > 253 { return "\(TailscaleUpArguments.goQuote(name)) is too long to be a DNS name" }
        for label in trimmed.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            let bytes = Array(label.utf8)
            guard let first = bytes.first, let last = bytes.last else { return "empty DNS label" }
            let quoted = TailscaleUpArguments.goQuote(label)
            if bytes.count > 63 { return "\(quoted) is too long, max length is 63 bytes" }
            if !isAlphanumeric(first) { return "\(quoted) is not a valid DNS label: must start with a letter or number" }
            if !isAlphanumeric(last) { return "\(quoted) is not a valid DNS label: must end with a letter or number" }
            for byte in bytes.dropFirst().dropLast() where !isAlphanumeric(byte) && byte != UInt8(ascii: "-") {
                return "\(quoted) is not a valid DNS label: contains invalid character '\(Character(UnicodeScalar(byte)))'"
            }
        }
        return nil
    }

    /// The node's short MagicDNS name: the first label, lower-cased, other characters than
    /// letters, digits and `-` turned into `-`, at most 63 bytes.
    static func sanitized(_ name: String) -> String {
        let first = name.split(separator: ".").first.map(String.init) ?? name
        let mapped = String(first.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        let trimmed = mapped.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed()
        let result = String(String(trimmed).prefix(63))
        return result.isEmpty ? "localhost" : result
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
