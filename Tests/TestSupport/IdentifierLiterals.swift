import FirstbootEngine

// Tests write step ids and phases as literals ("enable-pf", "lockdown"), as an operator reads
// them. The product cannot: there each is a constant named once beside its step or in
// Phase+Platform.swift, so that a mistyped requirement does not compile.

extension TypedName: ExpressibleByStringLiteral {
    package init(stringLiteral name: String) { self.init(name) }
}
