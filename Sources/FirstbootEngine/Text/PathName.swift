/// The last component of a path and its parent, as Foundation's `NSString` path properties give
/// them (FoundationEssentials has no `NSString`): runs of `/` count as one and a trailing `/` is
/// ignored.
package enum PathName {
    /// `lastPathComponent`: "/etc/rc.conf" → "rc.conf", "/etc/" → "etc", "/" → "/".
    package static func lastComponent(of path: String) -> String {
        let fixed = normalized(path)
        guard fixed.count > 1, let slash = fixed.lastIndex(of: "/") else { return fixed }
        return String(fixed[fixed.index(after: slash)...])
    }

    /// `deletingLastPathComponent`: "/etc/rc.conf" → "/etc", "/etc" → "/", "rc.conf" → "".
    package static func deletingLastComponent(of path: String) -> String {
        let fixed = normalized(path)
        if fixed == "/" || fixed.isEmpty { return fixed }
        guard let slash = fixed.lastIndex(of: "/") else { return "" }
        return slash == fixed.startIndex ? "/" : String(fixed[..<slash])
    }

    /// One `/` for each run of them, and no trailing `/` unless the path is just "/" (so "//"
    /// becomes "", as in Foundation).
    private static func normalized(_ path: String) -> String {
        if path == "/" { return path }
        var result = ""
        var previousWasSlash = false
        for character in path {
            let isSlash = character == "/"
            if !(isSlash && previousWasSlash) { result.append(character) }
            previousWasSlash = isSlash
        }
        if result.last == "/" { result.removeLast() }
        return result
    }
}
