#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The default route as `route -n get default` reports it.
///
/// Parsed the way FreeBSD's own `network.subr` (`get_default_if`) does: every line is
/// trimmed and split at its first `": "`, and only the `interface:` line decides. No such
/// line means no default route, whatever the exit status or stderr said: the netlink
/// `route` of FreeBSD 14+ can report "route has not been found" with exit status 0.
package struct DefaultRoute: Hashable, Sendable {
    /// The interface the default route leaves through: the external interface.
    package var interface: String
    /// The next hop, present when the route has a gateway (`RTF_GATEWAY`); an IPv4 or IPv6
    /// address as printed, e.g. `10.0.2.2` or `fe80::1%vtnet0`.
    package var gateway: String?

    package init(interface: String, gateway: String? = nil) {
        self.interface = interface
        self.gateway = gateway
    }

    private static let subject = "`route -n get default` output"

    /// Parses stdout of `route -n get default` (also `-inet6`, also verbose `-v` output).
    /// Returns nil when there is no `interface:` line, i.e. no default route.
    package static func parse(_ output: String) throws(ParseError) -> DefaultRoute? {
        var interface: String?
        var gateway: String?
        for line in output.numberedLines {
            let text = line.text.trimmedBlanks
            // A field with nothing after it loses its ": " to trimming.
            guard let (key, value) = text.hasSuffix(":") ? (text.dropLast(), "") : text.splitOnce(at: ": ") else {
                continue
            }
            let trimmedValue = value.trimmedBlanks
            switch key.trimmedBlanks {
            case "interface":
                guard !trimmedValue.isEmpty, trimmedValue.words.count == 1 else {
                    throw ParseError(
                        subject: subject, expected: "one interface name after \"interface:\"",
                        lineNumber: line.number, line: String(line.text))
                }
                interface = String(trimmedValue)
            case "gateway":
                gateway = trimmedValue.isEmpty ? nil : String(trimmedValue)
            default:
                continue
            }
        }
        return interface.map { DefaultRoute(interface: $0, gateway: gateway) }
    }
}
