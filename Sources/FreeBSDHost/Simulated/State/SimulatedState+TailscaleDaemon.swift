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
        if interface(named: "tailscale0") == nil {
            addInterface(name: "tailscale0", kind: .tun)
        }
        if let index = interfaceIndex(named: "tailscale0") {
            interfaces[index].up = true
            let running = tailscale.backendState == "Running"
            interfaces[index].inet = running ? tailscale.addresses.filter { !$0.contains(":") }.map { "\($0)/32" } : []
            interfaces[index].inet6 = running ? tailscale.addresses.filter { $0.contains(":") }.map { "\($0)/128" } : []
        }
    }

    /// The port's stop_postcmd destroys tailscale0.
    mutating func stopTailscaled() {
        tailscale.daemonPID = nil
        interfaces.removeAll { $0.name == "tailscale0" }
    }
}
