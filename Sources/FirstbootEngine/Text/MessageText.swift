/// Text from an input, made safe to put in an error message: in double quotes, control
/// characters written as escapes (a CR shows as `\r`, not as a jump to the line's start; a NUL
/// cannot end the message early), and cut after `limit` characters with the full size, so a
/// 10 MB value gives a line, not 10 MB on standard error.
package enum MessageText {
    package static let defaultLimit = 64

    package static func quoted(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                return out + "…\" (\(text.utf8.count) bytes)"
            }
            count += 1
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// The size limits of the tool's inputs (docs/configuration.md, docs/host-profile.md,
/// docs/journal.md). Anything larger is refused with one message before it is parsed.
package enum InputLimits {
    /// The configuration file.
    package static let configurationFile = 64 << 10
    /// One value in the configuration file.
    package static let configurationValue = 4096
    /// A host profile.
    package static let hostProfile = 16 << 20
    /// A host name in a profile (MAXHOSTNAMELEN is 256 with its NUL).
    package static let hostName = 255
    /// A path in a profile (PATH_MAX is 1024 with its NUL).
    package static let path = 1023
    /// One line of the journal.
    package static let journalLine = 1 << 20
    /// The simulated host's state file.
    package static let stateFile = 64 << 20
}
