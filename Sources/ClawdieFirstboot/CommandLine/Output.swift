import FirstbootEngine

/// Where the commands write: stdout for results, stderr for errors and warnings. Tests give
/// their own sinks.
struct Output {
    var colour: Bool
    var writeOut: (String) -> Void
    var writeErr: (String) -> Void
    /// Whether stderr is a terminal: progress then redraws one line instead of writing many.
    var errIsTerminal = false

    func out(_ text: String, newline: Bool = true) { writeOut(newline ? text + "\n" : text) }
    func err(_ text: String) { writeErr(text + "\n") }
    /// A JSON document (the project's encoding: sorted keys, final newline) on stdout.
    func json(_ value: some Encodable) throws { out(String(decoding: try JSONCoding.document(value), as: UTF8.self), newline: false) }

    /// The process's own streams; colour only when stdout is a terminal and NO_COLOR is unset.
    static var standard: Output {
        let terminal = isatty(1) == 1 && getenv("NO_COLOR") == nil && (getenv("TERM").map { String(cString: $0) } ?? "dumb") != "dumb"
        let errTerminal = isatty(2) == 1 && (getenv("TERM").map { String(cString: $0) } ?? "dumb") != "dumb"
        return Output(colour: terminal, writeOut: { send(1, $0) }, writeErr: { send(2, $0) }, errIsTerminal: errTerminal)
    }

    /// Writes nothing: for the watcher, whose streams are /dev/null anyway.
    static var silent: Output { Output(colour: false, writeOut: { _ in }, writeErr: { _ in }) }

    private static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }
}
