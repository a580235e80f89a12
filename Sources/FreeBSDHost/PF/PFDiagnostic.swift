/// One message pfctl would print about a pf.conf: `PATH:LINE: MESSAGE`.
package struct PFDiagnostic: Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var line: Int
    package var message: String

    package init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    package var description: String { "\(path):\(line): \(message)" }
}
