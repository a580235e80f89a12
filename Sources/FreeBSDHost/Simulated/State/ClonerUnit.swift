/// A cloned interface's driver and unit, as if_clone(9) allocates them: `bridge3` is unit 3
/// of `bridge`, `epair2a`/`epair2b` are both unit 2 of `epair`.
struct ClonerUnit: Hashable {
    init(driver: String, unit: Int) {
        self.driver = driver
        self.unit = unit
    }

    var driver: String
    var unit: Int

    init?(_ name: String) {
        var base = Substring(name)
        if base.hasPrefix("epair"), base.last == "a" || base.last == "b" { base = base.dropLast() }
        let digits = base.reversed().prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count < base.count, digits.count <= 5,
              let unit = Int(String(digits.reversed())) else { return nil }
        self.driver = String(base.dropLast(digits.count))
        self.unit = unit
    }
}
