/// The same text with each run of 8 leading spaces turned into a TAB, as FreeBSD's tools
/// print it (the captures beside the tests come from web pages that show spaces).
public func tabbed(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        var rest = Substring(line)
        var prefix = ""
        while rest.hasPrefix("        ") {
            prefix += "\t"
            rest = rest.dropFirst(8)
        }
        return prefix + rest
    }.joined(separator: "\n")
}
