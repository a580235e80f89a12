#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads `ifconfig IF` and plain `ifconfig` (several interfaces, one block each).
///
/// A block starts with an unindented header `NAME: flags=HEX<NAMES> metric N mtu N` and
/// continues with indented property lines. FreeBSD indents with TABs; copies of its output
/// often carry spaces instead, so both are accepted (a TAB counts as 8 columns).
package enum IfconfigOutput {
    private static let subject = "`ifconfig` output"

    /// Parses every interface block, in printed order.
    package static func parse(_ output: String) throws(ParseError) -> [InterfaceInfo] {
        var interfaces: [InterfaceInfo] = []
        var current: InterfaceInfo?
        // Indentation of the last `member:` line while its continuation lines may follow.
        var memberIndent: Int?

        for line in output.numberedLines {
            let body = line.text.trimmedBlanks
            if body.isEmpty { continue }
            let indent = indentation(of: line.text)
            if indent == 0 {
                if let finished = current { interfaces.append(finished) }
                current = try header(line)
                memberIndent = nil
                continue
            }
            guard var interface = current else {
                throw error("an interface header \"NAME: flags=…\" before indented lines", line)
            }
            if let parentIndent = memberIndent, indent > parentIndent, !interface.members.isEmpty {
                interface.members[interface.members.count - 1].details.append(String(body))
                current = interface
                continue
            }
            memberIndent = nil
            let words = body.words
            switch words[0] {
            case let first where first.hasPrefix("options="):
                interface.options = try flags(first.dropFirst("options=".count), line)
            case "ether":
                guard words.count >= 2 else { throw error("a link-layer address after \"ether\"", line) }
                interface.ether = String(words[1])
            case "inet":
                interface.inet.append(try inet(words, line))
            case "inet6":
                interface.inet6.append(try inet6(words, line))
            case "groups:":
                interface.groups = words.dropFirst().map(String.init)
            case "member:":
                interface.members.append(try member(words, line))
                memberIndent = indent
            case "status:":
                interface.status = body.splitOnce(at: ":").map { String($0.tail.trimmedBlanks) }
            default:
                break
            }
            current = interface
        }
        if let finished = current { interfaces.append(finished) }
        return interfaces
    }

    /// The interface named by ifconfig's stderr when it does not exist
    /// (`ifconfig: interface tailscale0 does not exist`, exit status 1); nil for any other text.
    package static func absentInterface(inStderr stderr: String) -> String? {
        for line in stderr.numberedLines {
            let words = line.text.trimmedBlanks.words
            if words.count == 6, words[0] == "ifconfig:", words[1] == "interface",
               words[3...].elementsEqual(["does", "not", "exist"]) {
                return String(words[2])
            }
        }
        return nil
    }

    /// The interface name printed by `ifconfig bridge create` (the allocated name, e.g.
    /// `bridge0`) or by `ifconfig bridge0 name warden0` (the new name). `ifconfig bridge0
    /// create` with an explicit unit prints nothing, so this is only for commands that print.
    package static func printedName(_ output: String) throws(ParseError) -> String {
        let lines = output.numberedLines.filter { !$0.text.trimmedBlanks.isEmpty }
        guard lines.count == 1, let name = lines.first?.text.trimmedBlanks, InterfaceName.isValid(name) else {
            throw ParseError(
                subject: "`ifconfig … create` / `ifconfig … name` output",
                expected: "one interface name on one line", line: output)
        }
        return String(name)
    }

    /// True when stderr says the interface to create exists already
    /// (`ifconfig: SIOCIFCREATE2: File exists`, exit status 1).
    package static func isAlreadyExisting(stderr: String) -> Bool {
        stderr.numberedLines.contains { line in
            let text = line.text.trimmedBlanks
            return text.hasPrefix("ifconfig: SIOCIFCREATE") && text.hasSuffix(": File exists")
        }
    }

    // MARK: - Pieces

    private static func header(_ line: NumberedLine) throws(ParseError) -> InterfaceInfo {
        let expected = "an interface header \"NAME: flags=HEX<…> metric N mtu N\""
        guard let (name, rest) = line.text.splitOnce(at: ": "), InterfaceName.isValid(name) else {
            throw error(expected, line)
        }
        let words = rest.words
        guard let first = words.first, first.hasPrefix("flags=") else { throw error(expected, line) }
        let flagWord = try flags(first.dropFirst("flags=".count), line)
        var metric = 0
        var mtu: Int?
        var index = 1
        while index < words.count {
            let value = index + 1 < words.count ? Int(words[index + 1]) : nil
            switch words[index] {
            case "metric":
                guard let value else { throw error("a number after \"metric\"", line) }
                metric = value
                index += 2
            case "mtu":
                guard let value, value > 0 else { throw error("a number after \"mtu\"", line) }
                mtu = value
                index += 2
            default:
                index += 1
            }
        }
        guard let mtu else { throw error("\"mtu N\" in the interface header", line) }
        return InterfaceInfo(name: String(name), flags: flagWord, metric: metric, mtu: mtu)
    }

    /// `8843<UP,BROADCAST>` or `0` (no names).
    private static func flags(_ text: Substring, _ line: NumberedLine) throws(ParseError) -> InterfaceInfo.Flags {
        let expected = "a hexadecimal flag word such as 8843<UP,BROADCAST>"
        let number: Substring
        var names: [String] = []
        if let open = text.firstIndex(of: "<") {
            guard text.last == ">" else { throw error(expected, line) }
            number = text[..<open]
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
            names = inside.split(separator: ",").map(String.init)
        } else {
            number = text
        }
        guard !number.isEmpty, number.count <= 16, let value = UInt64(number, radix: 16) else {
            throw error(expected, line)
        }
        return InterfaceInfo.Flags(value: value, names: names)
    }

    /// `inet 10.2.70.109 netmask 0xffffff00 broadcast 10.2.70.255` (or `--> DEST`).
    private static func inet(_ words: [Substring], _ line: NumberedLine) throws(ParseError) -> InterfaceInfo.Inet {
        guard words.count >= 2, let address = IPv4Address(words[1]) else {
            throw error("an IPv4 address after \"inet\"", line)
        }
        var netmask: UInt32?
        var broadcast: IPv4Address?
        var destination: IPv4Address?
        var index = 2
        while index < words.count {
            let value = index + 1 < words.count ? words[index + 1] : nil
            switch words[index] {
            case "netmask":
                guard let value, value.hasPrefix("0x"), value.count <= 10,
                      let mask = UInt32(value.dropFirst(2), radix: 16) else {
                    throw error("a hexadecimal netmask such as 0xffffff00", line)
                }
                netmask = mask
                index += 2
            case "broadcast":
                guard let value, let parsed = IPv4Address(value) else {
                    throw error("an IPv4 address after \"broadcast\"", line)
                }
                broadcast = parsed
                index += 2
            case "-->":
                guard let value, let parsed = IPv4Address(value) else {
                    throw error("an IPv4 address after \"-->\"", line)
                }
                destination = parsed
                index += 2
            default:
                index += 1
            }
        }
        guard let netmask else { throw error("\"netmask 0x…\" on the inet line", line) }
        guard let network = IPv4Network(address: address, netmask: netmask) else {
            throw error("a contiguous netmask such as 0xffffff00", line)
        }
        return InterfaceInfo.Inet(network: network, broadcast: broadcast, destination: destination)
    }

    /// `inet6 fe80::1%lo0 prefixlen 64 scopeid 0x2`.
    private static func inet6(_ words: [Substring], _ line: NumberedLine) throws(ParseError) -> InterfaceInfo.Inet6 {
        guard words.count >= 2, words[1].contains(":") else {
            throw error("an IPv6 address after \"inet6\"", line)
        }
        guard let position = words.firstIndex(of: "prefixlen"), position + 1 < words.count,
              let length = Int(words[position + 1]), (0...128).contains(length) else {
            throw error("\"prefixlen N\" (0–128) on the inet6 line", line)
        }
        return InterfaceInfo.Inet6(address: String(words[1]), prefixLength: length)
    }

    /// `member: vtnet0 flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>`.
    private static func member(_ words: [Substring], _ line: NumberedLine) throws(ParseError) -> InterfaceInfo.BridgeMember {
        guard words.count >= 3, InterfaceName.isValid(words[1]), words[2].hasPrefix("flags=") else {
            throw error("\"member: NAME flags=HEX<…>\"", line)
        }
        let memberFlags = try flags(words[2].dropFirst("flags=".count), line)
        return InterfaceInfo.BridgeMember(name: String(words[1]), flags: memberFlags)
    }

    /// Columns of leading blanks, a TAB advancing to the next multiple of 8.
    private static func indentation(of text: Substring) -> Int {
        var width = 0
        for character in text {
            switch character {
            case " ": width += 1
            case "\t": width = (width / 8 + 1) * 8
            default: return width
            }
        }
        return width
    }

    private static func error(_ expected: String, _ line: NumberedLine) -> ParseError {
        ParseError(subject: subject, expected: expected, lineNumber: line.number, line: String(line.text))
    }
}
