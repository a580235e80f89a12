/// `antispoof [log] [quick] for IF [inet|inet6]`: blocks packets that claim an interface's
/// network but arrive elsewhere.
package struct PFAntispoofRule: Sendable, Equatable {
    package var log: Bool
    package var quick: Bool
    package var interfaces: [PFInterfaceItem]
    package var family: PFAddressFamily?
    package var line: Int
}
