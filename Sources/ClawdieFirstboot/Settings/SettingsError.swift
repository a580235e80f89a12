/// A configuration the tool will not run with: it names the file, the line and the key, and
/// says what a valid value looks like.
package struct SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    package var path: String
    package var line: Int?
    package var message: String

    package var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
