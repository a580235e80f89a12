/// A rule's state clause: `keep state`, `modulate state`, `synproxy state` or `no state`, with
/// the options in parentheses.
package struct PFStateOptions: Sendable, Equatable {
    package enum Kind: String, Sendable, Equatable {
        case keep
        case modulate
        case synproxy
        case none = "no"
    }

    package var kind: Kind
    /// `max-src-conn N`: concurrent connections one source may hold.
    package var maxSrcConn: Int?
    /// `max-src-conn-rate N/S`: new connections one source may open per S seconds.
    package var maxSrcConnRate: (count: Int, seconds: Int)?
    /// `overload <table>`: where sources that exceed a limit are put.
    package var overloadTable: String?
    /// `overload <t> flush`: kill the offender's states created by this rule.
    package var flush: Bool
    /// `overload <t> flush global`: kill all of the offender's states.
    package var flushGlobal: Bool
    /// Every other option as written (`max 100`, `source-track rule`, `tcp.established 600`, …).
    package var otherOptions: [String]

    package init(kind: Kind, maxSrcConn: Int? = nil, maxSrcConnRate: (count: Int, seconds: Int)? = nil,
                 overloadTable: String? = nil, flush: Bool = false, flushGlobal: Bool = false,
                 otherOptions: [String] = []) {
        self.kind = kind
        self.maxSrcConn = maxSrcConn
        self.maxSrcConnRate = maxSrcConnRate
        self.overloadTable = overloadTable
        self.flush = flush
        self.flushGlobal = flushGlobal
        self.otherOptions = otherOptions
    }

    package static func == (lhs: PFStateOptions, rhs: PFStateOptions) -> Bool {
        lhs.kind == rhs.kind && lhs.maxSrcConn == rhs.maxSrcConn
            && lhs.maxSrcConnRate?.count == rhs.maxSrcConnRate?.count
            && lhs.maxSrcConnRate?.seconds == rhs.maxSrcConnRate?.seconds
            && lhs.overloadTable == rhs.overloadTable && lhs.flush == rhs.flush
            && lhs.flushGlobal == rhs.flushGlobal && lhs.otherOptions == rhs.otherOptions
    }

    /// Option names pfctl accepts in the parentheses, besides the typed ones and timeouts.
    static let otherKnownNames: Set<String> = [
        "max", "no-sync", "pflow", "sloppy", "source-track", "max-src-nodes", "max-src-states",
        "if-bound", "floating", "allow-related",
    ]
}
