/// An IPv4 address as a 32-bit number, parsed from and printed as dotted quad.
package struct IPv4Address: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var value: UInt32

    package init(_ value: UInt32) { self.value = value }

    /// Parses `a.b.c.d` with each part 0–255 and no leading sign or empty part.
    package init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber),
                  let octet = UInt32(part), octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        self.value = value
    }

    package var description: String {
        "\(value >> 24).\(value >> 16 & 0xff).\(value >> 8 & 0xff).\(value & 0xff)"
    }

    package static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }
}
