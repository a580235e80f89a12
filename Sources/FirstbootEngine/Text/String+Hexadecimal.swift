extension String {
    /// `value` in lowercase hexadecimal, zero-padded to at least `digits` digits: what
    /// `String(format: "%0<digits>x", value)` gives, which FoundationEssentials lacks.
    package init(hexadecimal value: some BinaryInteger, digits: Int) {
        let text = String(value, radix: 16)
        self = String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
    }
}
