extension JSONValue {
    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string, or nil for any other value.
    package var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The number if it is whole and fits 64 bits (`3.0` is whole, as `JSONDecoder` reads it).
    /// A double beyond ±2^53 is not taken: it may be a rounded neighbour of the number written.
    package var int64Value: Int64? {
        switch self {
        case .integer(let number): number
        case .double(let number): abs(number) <= 9_007_199_254_740_992 ? Int64(exactly: number) : nil
        default: nil
        }
    }

    package var intValue: Int? {
        int64Value.flatMap { Int(exactly: $0) }
    }

    package var boolValue: Bool? {
        guard case .bool(let flag) = self else { return nil }
        return flag
    }

    /// The array if every element is a string.
    package var stringsValue: [String]? {
        guard case .array(let elements) = self else { return nil }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard case .string(let text) = element else { return nil }
            result.append(text)
        }
        return result
    }
}
