/// tailscale(1): `up`, `set`, `down`, `logout`, `status [--json]`, `ip`, `debug prefs`, answered from the modelled
/// backend (docs/host-profile.md).
extension SimulatedState {
    static let tailscaleSocket = "/var/run/tailscale/tailscaled.sock"

    mutating func tailscaleCLI(_ args: [String]) throws(Unmodelled) -> CommandOutput {
        guard let command = args.first else { throw Unmodelled() }
        let rest = Array(args.dropFirst())
        switch command {
        case "up":
            return tailscaleUp(rest)
        case "down":
            guard rest.isEmpty else { throw Unmodelled() }
            return tailscaleDown()
        case "logout":
            guard rest.isEmpty else { throw Unmodelled() }
            return tailscaleLogout()
        case "status":
            let json = rest.contains { ["--json", "-json", "--json=true", "-json=true"].contains($0) }
            guard rest.count == (json ? 1 : 0) else { throw Unmodelled() }
            guard tailscale.daemonRunning else { return tailscaledUnreachable(endpoint: "status").output }
            return json ? CommandOutput(stdout: tailscaleStatusJSON() + "\n") : tailscaleStatusText()
        case "ip":
            return try tailscaleIP(rest)
        case "set":
            return try tailscaleSet(rest)
        case "debug":
            guard rest == ["prefs"] else { throw Unmodelled() }
            guard tailscale.daemonRunning else { return tailscaledUnreachable(endpoint: "prefs").output }
            return CommandOutput(stdout: tailscalePrefsJSON() + "\n")
        default:
            throw Unmodelled()
        }
    }

    /// The LocalAPI dial error. FreeBSD builds lack the friendly "is tailscaled running?"
    /// hint (diag.go is built for Linux, Windows and macOS only), so the raw error is printed.
    func tailscaledUnreachable(endpoint: String) -> TailscaleCLIError {
        .failed("Failed to connect to local Tailscale daemon for /localapi/v0/\(endpoint); not running? Error: dial unix \(Self.tailscaleSocket): connect: no such file or directory")
    }

    /// `tailscale down`: the node stays logged in but disconnects; tailscale0 stays and loses
    /// its addresses.
    private mutating func tailscaleDown() -> CommandOutput {
        guard tailscale.daemonRunning else {
            return TailscaleCLIError.failed("error fetching current status: " + tailscaledUnreachable(endpoint: "status").message).output
        }
        if tailscale.backendState == "Stopped" { return CommandOutput(stderr: "Tailscale was already stopped.\n") }
        if tailscale.hasNodeKey { tailscale.backendState = "Stopped" }
        refreshTailscaleInterface()
        return CommandOutput()
    }

    /// `tailscale logout`: the node key is dropped; the next `up` needs an auth key again.
    /// The settings stay, as tailscaled keeps its prefs.
    private mutating func tailscaleLogout() -> CommandOutput {
        guard tailscale.daemonRunning else { return tailscaledUnreachable(endpoint: "logout").output }
        tailscale.backendState = "NeedsLogin"
        tailscale.addresses = []
        refreshTailscaleInterface()
        return CommandOutput()
    }
}
