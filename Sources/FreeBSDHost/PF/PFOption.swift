/// A `set` statement.
package struct PFOption: Sendable, Equatable {
    package enum Setting: Sendable, Equatable {
        /// `set skip on IF` / `set skip on { lo0 tailscale0 }`: pf ignores these interfaces.
        case skip([String])
        case blockPolicy(PFBlockPolicy)
        /// `set require-order yes|no`: whether pfctl enforces the statement order.
        case requireOrder(Bool)
        /// Any other option pfctl knows, with the rest of the statement as written.
        case other(name: String, value: String)
    }

    package var setting: Setting
    package var line: Int

    /// The option names pfctl accepts after `set`.
    static let knownNames: Set<String> = [
        "skip", "block-policy", "require-order", "optimization", "ruleset-optimization", "timeout",
        "limit", "loginterface", "hostid", "fail-policy", "fingerprints", "state-policy", "debug",
        "state-defaults", "keepcounters", "syncookies", "reassemble",
    ]
}
