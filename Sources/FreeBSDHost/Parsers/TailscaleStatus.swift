import Foundation

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

    package init(backendState: BackendState, tailscaleIPs: [String] = [], selfHostName: String? = nil, version: String? = nil) {
        self.backendState = backendState
        self.tailscaleIPs = tailscaleIPs
        self.selfHostName = selfHostName
        self.version = version
    }

    private static let subject = "`tailscale status --json` output"

    /// Parses the JSON document printed by `tailscale status --json`.
    package static func parse(_ output: String) throws(ParseError) -> TailscaleStatus {
        let document: Any
        do {
            document = try JSONSerialization.jsonObject(with: Data(output.utf8))
        } catch {
            throw ParseError(subject: subject, expected: "a JSON object", line: String(output.prefix(80)))
        }
        guard let object = document as? [String: Any] else {
            throw ParseError(subject: subject, expected: "a JSON object at the top level")
        }
        guard let state = object["BackendState"] as? String else {
            throw ParseError(subject: subject, expected: "a string \"BackendState\"")
        }
        let addresses: [String]
        switch object["TailscaleIPs"] {
        case nil, is NSNull: addresses = []
        case let list as [String]: addresses = list
        default: throw ParseError(subject: subject, expected: "\"TailscaleIPs\" as a list of strings or null")
        }
        let selfHostName = (object["Self"] as? [String: Any])?["HostName"] as? String
        let version = object["Version"] as? String
        return TailscaleStatus(
            backendState: BackendState(state), tailscaleIPs: addresses, selfHostName: selfHostName, version: version)
    }
}
