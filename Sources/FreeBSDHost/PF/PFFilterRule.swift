/// A packet filtering rule:
/// `pass|block [drop|return] [in|out] [log] [quick] [on IF] [inet|inet6] [proto …]
/// all|[from SRC [port P]] [to DST [port P]] [flags F/M] [icmp-type …] [state clause]`.
package struct PFFilterRule: Sendable, Equatable {
    package var action: PFAction
    /// `block drop` / `block return`; nil follows `set block-policy`.
    package var blockPolicy: PFBlockPolicy?
    /// nil matches both directions.
    package var direction: PFDirection?
    package var log: Bool
    package var quick: Bool
    /// Empty matches every interface.
    package var interfaces: [PFInterfaceItem]
    package var family: PFAddressFamily?
    /// Empty matches every protocol.
    package var protocols: [PFProtocol]
    package var from: PFEndpoint
    package var to: PFEndpoint
    /// `flags S/SA` as written; nil when absent.
    package var flags: String?
    package var icmpTypes: [String]
    package var icmp6Types: [String]
    package var state: PFStateOptions?
    /// Other options as written (`label "ssh"`, `allow-opts`, …).
    package var otherOptions: [String]
    package var line: Int

    package init(action: PFAction, blockPolicy: PFBlockPolicy? = nil, direction: PFDirection? = nil,
                 log: Bool = false, quick: Bool = false, interfaces: [PFInterfaceItem] = [],
                 family: PFAddressFamily? = nil, protocols: [PFProtocol] = [], from: PFEndpoint = .any,
                 to: PFEndpoint = .any, flags: String? = nil, icmpTypes: [String] = [],
                 icmp6Types: [String] = [], state: PFStateOptions? = nil, otherOptions: [String] = [],
                 line: Int) {
        self.action = action
        self.blockPolicy = blockPolicy
        self.direction = direction
        self.log = log
        self.quick = quick
        self.interfaces = interfaces
        self.family = family
        self.protocols = protocols
        self.from = from
        self.to = to
        self.flags = flags
        self.icmpTypes = icmpTypes
        self.icmp6Types = icmp6Types
        self.state = state
        self.otherOptions = otherOptions
        self.line = line
    }
}
