/// sysctl(8) for IP forwarding, the one kernel variable the tool sets.
extension SimulatedState {
    mutating func sysctl(_ args: [String]) throws(Unmodelled) -> CommandOutput {
        var rest = args[...]
        var valueOnly = false
        if rest.first == "-n" { valueOnly = true; rest = rest.dropFirst() }
        guard rest.count == 1, let word = rest.first else { throw Unmodelled() }
        let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts[0] == "net.inet.ip.forwarding" else { throw Unmodelled() }
        guard parts.count == 2 else {
            return CommandOutput(stdout: valueOnly ? "\(ipForwarding)\n" : "net.inet.ip.forwarding: \(ipForwarding)\n")
        }
        guard let value = Int(parts[1]) else {
            return .failure("sysctl: invalid integer '\(parts[1])'")
        }
        let old = ipForwarding
        ipForwarding = value == 0 ? 0 : 1
        return CommandOutput(stdout: valueOnly ? "\(ipForwarding)\n" : "net.inet.ip.forwarding: \(old) -> \(ipForwarding)\n")
    }
}
