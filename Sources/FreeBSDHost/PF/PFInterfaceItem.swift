/// One interface named after `on` (or in `set skip on`, `antispoof for`), possibly negated.
///
/// pf also accepts an interface group name here (`lo` for every loopback); the evaluator treats
/// a name without a trailing digit as the group of interfaces named like it plus a number.
package struct PFInterfaceItem: Sendable, Equatable {
    package var name: String
    package var negated: Bool

    package init(name: String, negated: Bool = false) {
        self.name = name
        self.negated = negated
    }
}
