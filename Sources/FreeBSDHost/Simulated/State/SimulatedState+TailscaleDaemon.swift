extension SimulatedState {
    var tailscaleInstalled: Bool { packages["tailscale"] != nil }

    /// Installs the package's files; an existing file (an operator's edit) is kept.
    mutating func installTailscale(version: String) {
        packages["tailscale"] = version
        packages["ca_root_nss"] = packages["ca_root_nss"] ?? "3.108"
        for (path, file) in TailscalePackage.files where files[path] == nil {
            files[path] = file
        }
    }

    /// tailscaled creates `tailscale0` as soon as it runs; the interface gets the node's
    /// addresses only once the backend is Running (logged in).
    mutating func startTailscaled(keepBackendState: Bool = false) {
        tailscale.daemonPID = allocatePID()
        if !keepBackendState { tailscale.backendState = tailscale.stateAfterStart }
        // A node that is Running always has addresses: the tailnet's defaults when the profile
        // named none.
        if tailscale.backendState == "Running" && tailscale.addresses.isEmpty {
            tailscale.addresses = TailscaleRuntime.defaultAddresses
        }
        if interface(named: "tailscale0") == nil {
            addInterface(name: "tailscale0", kind: .tun)
        }
        refreshTailscaleInterface()
    }

    /// Gives `tailscale0` the node's addresses while the backend is Running (IPv4 as /32,
    /// IPv6 as /128, as tailscaled configures the tun), and takes them away otherwise.
    mutating func refreshTailscaleInterface() {
        guard let index = interfaceIndex(named: "tailscale0") else { return }
        let running = tailscale.backendState == "Running"
        interfaces[index].up = true
        interfaces[index].inet = running ? tailscale.inetAddresses.map { "\($0)/32" } : []
        interfaces[index].inet6 = running ? tailscale.inet6Addresses.map { "\($0)/128" } : []
    }

    /// The port's stop_postcmd destroys tailscale0.
    mutating func stopTailscaled() {
        tailscale.daemonPID = nil
        interfaces.removeAll { $0.name == "tailscale0" }
    }

    /// The node's name in the tailnet: `--hostname` of the last `up`, else the host's name
    /// (tailscaled follows the OS host name when none was given).
    var tailnetHostname: String {
        tailscale.settings?["hostname"] ?? hostname
    }
}
