/// A normalization rule: `scrub [in|out] [on IF] [inet|inet6] [proto …] all|from … to …
/// [fragment reassemble] [no-df] [max-mss N] …`.
package struct PFScrubRule: Sendable, Equatable {
    package var direction: PFDirection?
    package var interfaces: [PFInterfaceItem]
    package var family: PFAddressFamily?
    package var protocols: [PFProtocol]
    package var from: PFEndpoint
    package var to: PFEndpoint
    package var fragmentReassemble: Bool
    package var noDF: Bool
    package var maxMSS: Int?
    /// Other scrub options as written (`random-id`, `min-ttl 64`, `reassemble tcp`, …).
    package var otherOptions: [String]
    package var line: Int
}
