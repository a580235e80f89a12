/// tailscale(1): `status --json` from the modelled backend state.
extension SimulatedState {
    static let tailscaleSocket = "/var/run/tailscale/tailscaled.sock"

    func tailscaleCLI(_ args: [String]) throws(Unmodelled) -> CommandOutput {
        guard args == ["status", "--json"] else { throw Unmodelled() }
        guard tailscale.daemonRunning else {
            // FreeBSD builds lack the friendly "is tailscaled running?" hint: the raw LocalAPI
            // dial error is printed.
            return .failure("Failed to connect to local Tailscale daemon for /localapi/v0/status; not running? Error: dial unix \(Self.tailscaleSocket): connect: no such file or directory")
        }
        return CommandOutput(stdout: tailscaleStatusJSON() + "\n")
    }

    /// A minimal `ipnstate.Status` in Go's MarshalIndent layout (two-space indent, struct
    /// field order).
    func tailscaleStatusJSON() -> String {
        let running = tailscale.backendState == "Running"
        let ips = running && !tailscale.addresses.isEmpty
            ? "[\n" + tailscale.addresses.map { "    \"\($0)\"" }.joined(separator: ",\n") + "\n  ]"
            : "null"
        let selfIPs = running && !tailscale.addresses.isEmpty
            ? "[\n" + tailscale.addresses.map { "      \"\($0)\"" }.joined(separator: ",\n") + "\n    ]"
            : "null"
        let version = packages["tailscale"] ?? TailscalePackage.version
        return """
        {
          "Version": "\(version)",
          "TUN": true,
          "BackendState": "\(tailscale.backendState)",
          "HaveNodeKey": \(running ? "true" : "false"),
          "AuthURL": "",
          "TailscaleIPs": \(ips),
          "Self": {
            "ID": "",
            "PublicKey": "nodekey:0000000000000000000000000000000000000000000000000000000000000000",
            "HostName": "\(hostname)",
            "DNSName": "",
            "OS": "freebsd",
            "UserID": 0,
            "TailscaleIPs": \(selfIPs),
            "Online": \(running ? "true" : "false")
          },
          "Health": [],
          "MagicDNSSuffix": "",
          "CurrentTailnet": null,
          "CertDomains": null,
          "Peer": null,
          "User": null,
          "ClientVersion": null
        }
        """
    }
}
