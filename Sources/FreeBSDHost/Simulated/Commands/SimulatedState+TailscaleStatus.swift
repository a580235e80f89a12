#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `tailscale status [--json]` and `tailscale ip` from the modelled backend.
extension SimulatedState {
    /// The node's addresses as the LocalAPI status reports them: only while Running.
    var reportedTailscaleIPs: [String] {
        tailscale.backendState == "Running" ? tailscale.addresses : []
    }

    /// A minimal `ipnstate.Status` in Go's MarshalIndent layout (two-space indent, struct
    /// field order; `HaveNodeKey` is omitempty).
    func tailscaleStatusJSON() -> String {
        let running = tailscale.backendState == "Running"
        let ips = reportedTailscaleIPs
        let topIPs = ips.isEmpty ? "null" : "[\n" + ips.map { "    \"\($0)\"" }.joined(separator: ",\n") + "\n  ]"
        let selfIPs = ips.isEmpty ? "null" : "[\n" + ips.map { "      \"\($0)\"" }.joined(separator: ",\n") + "\n    ]"
        let version = packages["tailscale"] ?? TailscalePackage.version
        let dnsName = running ? "\(TailnetName.sanitized(tailnetHostname)).\(TailnetName.magicDNSSuffix)." : ""
        let haveNodeKey = tailscale.hasNodeKey ? "\n  \"HaveNodeKey\": true," : ""
        return """
        {
          "Version": "\(version)",
          "TUN": true,
          "BackendState": "\(tailscale.backendState)",\(haveNodeKey)
          "AuthURL": "",
          "TailscaleIPs": \(topIPs),
          "Self": {
            "ID": "",
            "PublicKey": "nodekey:0000000000000000000000000000000000000000000000000000000000000000",
            "HostName": \(Self.jsonString(tailnetHostname)),
            "DNSName": \(Self.jsonString(dnsName)),
            "OS": "freebsd",
            "UserID": 0,
            "TailscaleIPs": \(selfIPs),\(selfRoutesJSON())
            "Online": \(running ? "true" : "false")
          },
          "Health": [],
          "MagicDNSSuffix": "\(tailscale.hasNodeKey ? TailnetName.magicDNSSuffix : "")",
          "CurrentTailnet": null,
          "CertDomains": null,
          "Peer": null,
          "User": null,
          "ClientVersion": null
        }
        """
    }

    /// `Self.AllowedIPs` (the node's addresses as /32 and /128, then its routes in force) and
    /// `Self.PrimaryRoutes` (the routes in force), both omitempty, while Running. Routes
    /// advertised but not approved appear in neither (ipnstate.PeerStatus).
    func selfRoutesJSON() -> String {
        guard tailscale.backendState == "Running" else { return "" }
        let list = { (items: [String]) in "[\n" + items.map { "      \"\($0)\"" }.joined(separator: ",\n") + "\n    ]" }
        let routes = tailscale.routesInForce
        let allowed = tailscale.addresses.map { $0 + ($0.contains(":") ? "/128" : "/32") } + routes
        var out = ""
        if !allowed.isEmpty { out += "\n    \"AllowedIPs\": \(list(allowed))," }
        if !routes.isEmpty { out += "\n    \"PrimaryRoutes\": \(list(routes))," }
        return out
    }

    /// `tailscale status`: one line for this node while Running or Starting (status.go's
    /// `%-15s %-20s %-12s %-7s ` then the activity column), else the state in words and exit 1.
    func tailscaleStatusText() -> CommandOutput {
        switch tailscale.backendState {
        case "Running", "Starting":
            let running = tailscale.backendState == "Running"
            let name = running ? TailnetName.sanitized(tailnetHostname) : "(\(TailscaleUpArguments.goQuote(TailnetName.sanitized(tailnetHostname))))"
            let line = PfctlStatusFormatter.pad(reportedTailscaleIPs.first ?? "", 15) + " " + PfctlStatusFormatter.pad(name, 20) + " "
                + PfctlStatusFormatter.pad("-", 12) + " " + PfctlStatusFormatter.pad("freebsd", 7) + " " + (running ? "-" : "offline")
            return CommandOutput(stdout: line + "\n")
        case "Stopped": return CommandOutput(stdout: "Tailscale is stopped.\n", status: 1)
        case "NeedsLogin": return CommandOutput(stdout: "Logged out.\n", status: 1)
        case "NeedsMachineAuth": return CommandOutput(stdout: "Machine is not yet approved by tailnet admin.\n", status: 1)
        default: return CommandOutput(stdout: "unexpected state: \(tailscale.backendState)\n", status: 1)
        }
    }

    /// `tailscale ip [-1|-4|-6]` for this node.
    func tailscaleIP(_ flags: [String]) throws(Unmodelled) -> CommandOutput {
        var want = (one: false, four: false, six: false)
        for flag in flags {
            switch flag {
            case "-1", "--1": want.one = true
            case "-4", "--4": want.four = true
            case "-6", "--6": want.six = true
            default: throw Unmodelled()
            }
        }
        if [want.one, want.four, want.six].filter({ $0 }).count > 1 {
            return .failure("tailscale ip -1, -4, and -6 are mutually exclusive")
        }
        guard tailscale.daemonRunning else { return tailscaledUnreachable(endpoint: "status").output }
        var ips = reportedTailscaleIPs
        guard !ips.isEmpty else { return .failure("no current Tailscale IPs; state: \(tailscale.backendState)") }
        if want.one { ips = Array(ips.prefix(1)) }
        let (v4, v6) = !want.four && !want.six ? (true, true) : (want.four, want.six)
        let shown = ips.filter { $0.contains(":") ? v6 : v4 }
        if shown.isEmpty {
            return .failure(want.four ? "no Tailscale IPv4 address" : "no Tailscale IPv6 address")
        }
        return CommandOutput(stdout: shown.map { $0 + "\n" }.joined())
    }

    /// A JSON string literal as Go's encoder writes it (`<`, `>`, `&` escaped).
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "<", ">", "&": out += "\\u" + String(hexadecimal: scalar.value, digits: 4)
            default:
                if scalar.value < 0x20 { out += "\\u" + String(hexadecimal: scalar.value, digits: 4) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
