/// What FreeBSD accepts as an interface name, for telling a name from stray output.
enum InterfaceName {
    /// Interface names are at most IFNAMSIZ-1 (15) bytes; a rename can use any printable
    /// characters, but never whitespace or the `:` that ends a name in `ifconfig` output.
    static func isValid(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.utf8.count <= 15
            && name.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7f && $0 != ":" }
    }
}
