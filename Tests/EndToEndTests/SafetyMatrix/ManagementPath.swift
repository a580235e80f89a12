import FirstbootEngine
import Foundation
@testable import FreeBSDHost

/// The operator's way in, judged by the pf evaluator on what pf has loaded: SSH from an
/// outside address passes on the external interface, or on tailscale0 while the tailnet is
/// Running.
enum ManagementPath {
    /// An address on no network of the simulated hosts: the operator's workstation.
    static let outside = IPv4Address("198.51.100.23")!

    /// Nil when the path is open, else what is closed. `ports` are the SSH ports sshd may be
    /// on at this instant (a configuration change moving it is in flight).
    static func closed(on host: SimulatedHost, sshPorts ports: Set<UInt16>) -> String? {
        let state = host.state
        let external = state.initialRoute?.interface ?? state.interfaces.first { $0.kind == .physical }?.name ?? "vtnet0"
        for port in ports.sorted() {
            if host.probe(interface: external, protocol: .tcp, port: port, source: outside).passes { return nil }
        }
        let tailnetUp = state.tailscale.backendState == "Running" && state.interface(named: "tailscale0") != nil
        if tailnetUp {
            for port in ports.sorted() where host.probe(interface: "tailscale0", protocol: .tcp, port: port, source: outside).passes {
                return nil
            }
        }
        return "SSH (\(ports.sorted().map(String.init).joined(separator: "/"))) is blocked on \(external)"
            + (tailnetUp ? " and on tailscale0" : " and the tailnet is not Running")
    }
}
