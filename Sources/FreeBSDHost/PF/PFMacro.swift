/// A macro definition: `name = "value"`.
package struct PFMacro: Sendable, Equatable {
    package var name: String
    /// The value as pfctl stores it: quoted parts without their quotes, joined by single spaces,
    /// with any `$macro` written outside quotes already replaced.
    package var value: String
    package var line: Int
}
