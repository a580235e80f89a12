/// Tailscale's run-time state: the daemon, and the node's login as tailscaled keeps it in
/// /var/db/tailscale (so it survives reboots).
struct TailscaleRuntime: Codable, Equatable, Sendable {
    var daemonPID: Int?
    var backendState: String
    var addresses: [String]

    var daemonRunning: Bool { daemonPID != nil }

    /// The state the backend comes up in when the daemon starts: a node that was logged in
    /// comes back Running; one stopped with `tailscale down` stays Stopped.
    var stateAfterStart: String {
        switch backendState {
        case "Running", "Starting": "Running"
        case "Stopped": "Stopped"
        default: "NeedsLogin"
        }
    }
}
