#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The parts of `tailscale status --json` the orchestrator waits on.
///
/// The JSON is Tailscale's (`ipnstate.Status`), so unknown keys are ignored and a state
/// this code does not know is kept by name rather than refused.
package struct TailscaleStatus: Hashable, Sendable {
    /// `BackendState`: the values of tailscale `ipn/backend.go`, or another name as printed.
    package enum BackendState: Hashable, Sendable, CustomStringConvertible {
        case noState
        case inUseOtherUser
        case needsLogin
        case needsMachineAuth
        case stopped
        case starting
        case running
        case other(String)

        package init(_ name: String) {
            switch name {
            case "NoState": self = .noState
            case "InUseOtherUser": self = .inUseOtherUser
            case "NeedsLogin": self = .needsLogin
            case "NeedsMachineAuth": self = .needsMachineAuth
            case "Stopped": self = .stopped
            case "Starting": self = .starting
            case "Running": self = .running
            default: self = .other(name)
            }
        }

        /// The name as Tailscale prints it.
        package var description: String {
            switch self {
            case .noState: "NoState"
            case .inUseOtherUser: "InUseOtherUser"
            case .needsLogin: "NeedsLogin"
            case .needsMachineAuth: "NeedsMachineAuth"
            case .stopped: "Stopped"
            case .starting: "Starting"
            case .running: "Running"
            case .other(let name): name
            }
        }
    }

    package var backendState: BackendState
    /// This node's Tailscale addresses (`TailscaleIPs`); empty when JSON `null` or absent,
    /// as before login.
    package var tailscaleIPs: [String]
    /// `Self.HostName`, when the node has a self entry.
    package var selfHostName: String?
    /// `Version` of the daemon, when printed.
    package var version: String?
    /// `Self.PrimaryRoutes`: the subnet routes control has approved and made this node the
    /// primary router for (ipnstate.PeerStatus); empty when absent (omitempty).
    package var selfPrimaryRoutes: [String]
    /// `Self.AllowedIPs`: the node's own addresses and its approved routes.
    package var selfAllowedIPs: [String]

    package init(backendState: BackendState, tailscaleIPs: [String] = [], selfHostName: String? = nil, version: String? = nil,
                 selfPrimaryRoutes: [String] = [], selfAllowedIPs: [String] = []) {
        self.backendState = backendState
        self.tailscaleIPs = tailscaleIPs
        self.selfHostName = selfHostName
        self.version = version
        self.selfPrimaryRoutes = selfPrimaryRoutes
        self.selfAllowedIPs = selfAllowedIPs
    }

    /// The advertised routes control has approved: listed in `Self.AllowedIPs` (or, as
    /// primary router, `Self.PrimaryRoutes`).
    package func approves(_ route: String) -> Bool {
        selfAllowedIPs.contains(route) || selfPrimaryRoutes.contains(route)
    }

    private static let subject = "`tailscale status --json` output"

    /// Parses the JSON document printed by `tailscale status --json`.
    package static func parse(_ output: String) throws(ParseError) -> TailscaleStatus {
        // A document that does not start with `{` or `[` (after white space, or a byte order
        // mark) is a bare value or not JSON at all.
        let jsonSpace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        let bytes = output.utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? output.utf8.dropFirst(3) : output.utf8.dropFirst(0)
        let document: Document
        do {
            guard let first = bytes.first(where: { !jsonSpace.contains($0) }), first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not a JSON object or array"))
            }
            document = try JSONDecoder().decode(Document.self, from: Data(output.utf8))
        } catch let problem as ParseError {
            throw problem
        } catch {
            throw ParseError(subject: subject, expected: "a JSON object", line: String(output.prefix(80)))
        }
        return TailscaleStatus(
            backendState: BackendState(document.backendState), tailscaleIPs: document.tailscaleIPs,
            selfHostName: document.selfHostName, version: document.version,
            selfPrimaryRoutes: document.selfPrimaryRoutes, selfAllowedIPs: document.selfAllowedIPs)
    }

    /// The keys read from the document, with the same leniency as before: a `Self` or
    /// `Version` of another type counts as absent; `BackendState` and `TailscaleIPs` are checked.
    private struct Document: Decodable {
        var backendState: String
        var tailscaleIPs: [String]
        var selfHostName: String?
        var version: String?
        var selfPrimaryRoutes: [String] = []
        var selfAllowedIPs: [String] = []

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            guard let object = try? decoder.container(keyedBy: Key.self) else {
                throw ParseError(subject: TailscaleStatus.subject, expected: "a JSON object at the top level")
            }
            guard let state = try? object.decode(String.self, forKey: Key(stringValue: "BackendState")) else {
                throw ParseError(subject: TailscaleStatus.subject, expected: "a string \"BackendState\"")
            }
            backendState = state
            let addresses = Key(stringValue: "TailscaleIPs")
            if !object.contains(addresses) || (try? object.decodeNil(forKey: addresses)) == true {
                tailscaleIPs = []
            } else if let list = try? object.decode([String].self, forKey: addresses) {
                tailscaleIPs = list
            } else {
                throw ParseError(subject: TailscaleStatus.subject, expected: "\"TailscaleIPs\" as a list of strings or null")
            }
            let selfEntry = try? object.nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: "Self"))
            selfHostName = try? selfEntry?.decode(String.self, forKey: Key(stringValue: "HostName"))
            selfPrimaryRoutes = (try? selfEntry?.decode([String].self, forKey: Key(stringValue: "PrimaryRoutes"))) ?? []
            selfAllowedIPs = (try? selfEntry?.decode([String].self, forKey: Key(stringValue: "AllowedIPs"))) ?? []
            version = try? object.decode(String.self, forKey: Key(stringValue: "Version"))
        }
    }
}
