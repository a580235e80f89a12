/// A table definition: `table <name> [persist] [const] [counters] [file "path"] [{ addr, … }]`.
package struct PFTable: Sendable, Equatable {
    package var name: String
    package var persist: Bool
    package var const: Bool
    package var counters: Bool
    /// Addresses listed inline; a `!` entry excludes an address from a wider one.
    package var entries: [PFAddressItem]
    /// Files the table is also loaded from (`file "/etc/blocked"`).
    package var files: [String]
    package var line: Int

    package init(name: String, persist: Bool = false, const: Bool = false, counters: Bool = false,
                 entries: [PFAddressItem] = [], files: [String] = [], line: Int) {
        self.name = name
        self.persist = persist
        self.const = const
        self.counters = counters
        self.entries = entries
        self.files = files
        self.line = line
    }
}
