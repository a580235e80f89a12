/// `tailscale set --advertise-routes=…` and `tailscale debug prefs`, following
/// cmd/tailscale/cli/set.go: `set` edits only the preferences it is given — unlike `up`, it
/// never asks for the other settings in force — and works whatever the backend state.
extension SimulatedState {
    mutating func tailscaleSet(_ args: [String]) throws(Unmodelled) -> CommandOutput {
        var routes: String?
        var index = 0
        while index < args.count {
            let word = args[index]
            index += 1
            let body = word.drop { $0 == "-" }
            guard word.hasPrefix("-"), body.hasPrefix("advertise-routes") else { throw Unmodelled() }
            if body == "advertise-routes" {
                guard index < args.count else { return TailscaleCLIError.usage("flag needs an argument: -advertise-routes").output }
                routes = args[index]
                index += 1
            } else if body.hasPrefix("advertise-routes=") {
                routes = String(body.dropFirst("advertise-routes=".count))
            } else {
                throw Unmodelled()
            }
        }
        guard let routes else { throw Unmodelled() }
        guard tailscale.daemonRunning else { return tailscaledUnreachable(endpoint: "status").output }
        var parsed: [String] = []
        for route in routes.split(separator: ",").map(String.init) {
            // netutil.CalcAdvertiseRoutes: a prefix with host bits is refused, naming the masked one.
            guard let network = IPv4Network(route), route.contains("/") else {
                return TailscaleCLIError.failed("\(TailscaleUpArguments.goQuote(route)) is not a valid IP address or CIDR prefix").output
            }
            guard network.address == network.networkAddress else {
                return TailscaleCLIError.failed("\(route) has non-address bits set; expected \(network.network)").output
            }
            if !parsed.contains(route) { parsed.append(route) }
        }
        var settings = tailscale.settings ?? [:]
        settings["advertise-routes"] = parsed.isEmpty ? nil : parsed.joined(separator: ",")
        tailscale.settings = settings
        return CommandOutput()
    }

    /// A subset of `ipn.Prefs` as `tailscale debug prefs` prints it (`json.MarshalIndent` with
    /// a tab, struct field order): the fields the settings model keeps.
    func tailscalePrefsJSON() -> String {
        let settings = tailscale.settings ?? [:]
        let routes = tailscale.advertisedRoutes
        let routesJSON = routes.isEmpty ? "null" : "[\n" + routes.map { "\t\t\"\($0)\"" }.joined(separator: ",\n") + "\n\t]"
        let flag = { (name: String, fallback: String) in settings[name] ?? fallback }
        return """
        {
        \t"ControlURL": \(Self.jsonString(flag("login-server", "https://controlplane.tailscale.com"))),
        \t"RouteAll": \(flag("accept-routes", "false")),
        \t"CorpDNS": \(flag("accept-dns", "true")),
        \t"RunSSH": \(flag("ssh", "false")),
        \t"WantRunning": \(tailscale.backendState == "Running" || tailscale.backendState == "Starting"),
        \t"LoggedOut": \(!tailscale.hasNodeKey),
        \t"ShieldsUp": \(flag("shields-up", "false")),
        \t"Hostname": \(Self.jsonString(flag("hostname", ""))),
        \t"AdvertiseRoutes": \(routesJSON)
        }
        """
    }
}
