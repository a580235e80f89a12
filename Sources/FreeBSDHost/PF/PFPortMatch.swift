/// One port condition of a `port` clause.
package enum PFPortMatch: Sendable, Equatable {
    /// `22`, `= 22`, `ssh`.
    case equal(UInt16)
    case notEqual(UInt16)
    case less(UInt16)
    case lessOrEqual(UInt16)
    case greater(UInt16)
    case greaterOrEqual(UInt16)
    /// `1000:2000`: both ends included.
    case inclusiveRange(UInt16, UInt16)
    /// `1000 >< 2000`: both ends excluded.
    case exclusiveRange(UInt16, UInt16)
    /// `1000 <> 2000`: everything outside the range.
    case outsideRange(UInt16, UInt16)

    package func matches(_ port: UInt16) -> Bool {
        switch self {
        case .equal(let value): port == value
        case .notEqual(let value): port != value
        case .less(let value): port < value
        case .lessOrEqual(let value): port <= value
        case .greater(let value): port > value
        case .greaterOrEqual(let value): port >= value
        case .inclusiveRange(let low, let high): low <= port && port <= high
        case .exclusiveRange(let low, let high): low < port && port < high
        case .outsideRange(let low, let high): port < low || port > high
        }
    }
}
