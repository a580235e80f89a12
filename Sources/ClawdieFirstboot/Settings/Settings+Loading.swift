import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FreeBSDHost

extension Settings {
    /// The platform's phases in the order they run, as its steps declare them: for validating
    /// `boot_phases` and `--phase`.
    package static let knownPhases = Scheduler.declaredPhases(PlatformSteps.all(Settings()))

    /// Reads the configuration file at `path` (a file on the machine running the tool).
    /// A missing file gives the defaults unless `mustExist` (the operator named it).
    package static func load(path: String, mustExist: Bool) throws -> Settings {
        if (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeDirectory {
            throw SettingsError(path: path, line: nil, message: "is a directory, not a configuration file; give the file, like \(path)/clawdie-firstboot.conf")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw SettingsError(path: path, line: nil, message: "cannot be read; check its permissions")
            }
            if mustExist {
                throw SettingsError(path: path, line: nil, message: "no such configuration file; check the --config path")
            }
            return Settings()
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SettingsError(path: path, line: nil, message: "is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses configuration text: rc.conf syntax, known keys only, each value checked.
    package static func parse(_ text: String, path: String) throws -> Settings {
        guard text.utf8.count <= InputLimits.configurationFile else {
            throw SettingsError(path: path, line: nil, message: "is \(text.utf8.count) bytes, more than the \(InputLimits.configurationFile) a configuration file may have; is it the right file?")
        }
        let document: RCConfDocument
        do {
            document = try RCConfDocument(text: text, path: path, strict: true)
        } catch {
            throw SettingsError(path: error.path, line: error.line, message: error.message)
        }
        var settings = Settings()
        var seen: [SettingKey: Int] = [:]
        for assignment in document.assignments {
            guard let key = SettingKey(rawValue: assignment.key) else {
                throw SettingsError(path: path, line: assignment.line, message:
                    "unknown key \(MessageText.quoted(assignment.key)); the keys are: \(SettingKey.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let earlier = seen[key] {
                throw SettingsError(path: path, line: assignment.line, message: "\(key.rawValue) is set again (first on line \(earlier)); set each key once")
            }
            seen[key] = assignment.line
            guard assignment.value.utf8.count <= InputLimits.configurationValue else {
                throw SettingsError(path: path, line: assignment.line, message:
                    "\(key.rawValue)=\(MessageText.quoted(assignment.value)): the value is longer than \(InputLimits.configurationValue) bytes")
            }
            do {
                try settings.set(key, assignment.value)
            } catch let problem as ValueProblem {
                throw SettingsError(path: path, line: assignment.line, message: "\(key.rawValue)=\(MessageText.quoted(assignment.value)): \(problem.message)")
            }
        }
        for (port, key) in [(settings.sshPort, SettingKey.sshPort), (settings.vncPort, .vncPort)] where settings.publicTCPPorts.contains(port) {
            throw SettingsError(path: path, line: seen[.publicTCPPorts] ?? seen[key], message:
                "public_tcp_ports lists \(port), the \(key == .sshPort ? "SSH" : "VNC") port, which has its own rules; remove it from public_tcp_ports")
        }
        if settings.sshPort == settings.vncPort {
            throw SettingsError(path: path, line: seen[.vncPort] ?? seen[.sshPort], message: "ssh_port and vnc_port are both \(settings.sshPort); give them different ports")
        }
        try settings.checkJailNetworks(path: path, seen: seen)
        try settings.checkSubnetRoutes(path: path, line: seen[.tailscaleSubnetRoutes])
        return settings
    }

    struct ValueProblem: Error { var message: String }

    private mutating func set(_ key: SettingKey, _ value: String) throws {
        switch key {
        case .extIf:
            externalInterface = value == "auto" ? .auto : .named(try Self.interfaceName(value))
        case .bridgeName:
            bridgeName = try Self.interfaceName(value)
        case .bridgeAddress:
            bridgeAddress = try Self.hostAddress(value, example: "192.168.100.1/24", what: "the bridge's address")
        case .natNetwork:
            guard let network = IPv4Network(value), network.address == network.networkAddress else {
                throw ValueProblem(message: "expected a network in CIDR form with no host bits, like 192.168.0.0/16")
            }
            natNetwork = network
        case .sshPort:
            sshPort = try Self.port(value)
        case .sshMaxSrcConn:
            sshMaxConnections = try Self.integer(value, in: 1...1000)
        case .sshMaxSrcConnRate:
            let parts = value.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let count = Int(parts[0]), let seconds = Int(parts[1]),
                  (1...1000).contains(count), (1...86400).contains(seconds) else {
                throw ValueProblem(message: "expected CONNECTIONS/SECONDS, like 3/60")
            }
            sshRate = Rate(connections: count, seconds: seconds)
        case .publicTCPPorts:
            let ports = try value.split(separator: " ").map { try Self.port(String($0)) }
            guard Set(ports).count == ports.count else { throw ValueProblem(message: "a port is listed twice") }
            publicTCPPorts = ports
        case .pfReloadWait:
            pfReloadWait = try Self.integer(value, in: 1...600)
        case .bootRetryLimit:
            bootRetryLimit = try Self.integer(value, in: 1...100)
        case .bootPhases:
            let phases = value.split(separator: " ").map { Phase(String($0)) }
            guard !phases.isEmpty else { throw ValueProblem(message: "expected at least one phase, like firstboot") }
            for phase in phases where !Self.knownPhases.contains(phase) {
                throw ValueProblem(message: "unknown phase \(MessageText.quoted(phase.name)); the phases are: \(Self.knownPhases.joined(separator: ", "))")
            }
            bootPhases = phases
        case .tailscaleAuthKeyFile:
            guard value.hasPrefix("/"), !value.hasSuffix("/"), !value.contains(where: { $0 == " " || $0 == "\t" }) else {
                throw ValueProblem(message: "expected an absolute file path without spaces, like /usr/local/etc/clawdie-firstboot.tailscale-key")
            }
            tailscaleAuthKeyFile = value
        case .tailscaleHostname:
            tailscaleHostname = value.isEmpty ? nil : try Self.hostLabel(value)
        case .tailnetWait:
            tailnetWait = try Self.integer(value, in: 1...3600)
        case .vncPort:
            vncPort = try Self.port(value)
        case .lockdownConfirmWithin:
            lockdownConfirmWithin = try Self.integer(value, in: 0...86400)
        case .jailLoopback:
            jailLoopback = try Self.interfaceName(value)
        case .jailLoopbackAddress:
            jailLoopbackAddress = value.isEmpty ? nil : try Self.hostAddress(value, example: "192.168.255.1/24")
        case .jailTable:
            guard (1...31).contains(value.count), value.first?.isLetter == true,
                  value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw ValueProblem(message: "expected a pf table name: a letter, then letters, digits or '_', at most 31")
            }
            jailTable = value
        case .extraBridges:
            extraBridges = try value.split(separator: " ").map { item in
                let parts = item.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else {
                    throw ValueProblem(message: "expected NAME:ADDRESS/PREFIX pairs separated by spaces, like warden1:192.168.101.1/24")
                }
                return Bridge(name: try Self.interfaceName(String(parts[0])),
                              address: try Self.hostAddress(String(parts[1]), example: "192.168.101.1/24"))
            }
        case .tailscaleSubnetRoutes:
            subnetRoutes = try Self.subnetRoutes(value)
        case .tailscaleRouteApprovalWait:
            routeApprovalWait = try Self.integer(value, in: 0...3600)
        }
    }

    /// FreeBSD interface names: at most 15 characters (IFNAMSIZ is 16 with the NUL), a
    /// letter first, then letters, digits, `_`, `.` or `-`.
    static func interfaceName(_ value: String) throws -> String {
        let allowed = value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.-".unicodeScalars.contains(scalar))
        }
        guard (1...15).contains(value.count), allowed, value.first?.isLetter == true else {
            throw ValueProblem(message: "not a FreeBSD interface name: 1 to 15 characters, a letter first, then letters, digits, '_', '.' or '-'")
        }
        return value
    }

    /// An interface address with its prefix (0–30 bits), not the network's own or broadcast one.
    static func hostAddress(_ value: String, example: String, what: String = "an interface address") throws -> IPv4Network {
        guard let network = IPv4Network(value), network.prefixLength <= 30 else {
            throw ValueProblem(message: "expected \(what) with a prefix length up to 30, like \(example)")
        }
        guard network.address != network.networkAddress, network.address != network.broadcastAddress else {
            throw ValueProblem(message: "\(network.address) is the network's own or broadcast address; use a host address such as \(IPv4Address(network.networkAddress.value + 1))/\(network.prefixLength)")
        }
        return network
    }

    /// A host name label as Tailscale takes it: letters, digits and `-`, at most 63.
    static func hostLabel(_ value: String) throws -> String {
        guard (1...63).contains(value.count), value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
              value.first != "-", value.last != "-" else {
            throw ValueProblem(message: "expected a host name of letters, digits and '-', at most 63 characters, like agent-7")
        }
        return value
    }

    static func port(_ value: String) throws -> UInt16 {
        guard let port = UInt16(value), port >= 1 else {
            throw ValueProblem(message: "\(MessageText.quoted(value)) is not a port number from 1 to 65535")
        }
        return port
    }

    static func integer(_ value: String, in range: ClosedRange<Int>) throws -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw ValueProblem(message: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
