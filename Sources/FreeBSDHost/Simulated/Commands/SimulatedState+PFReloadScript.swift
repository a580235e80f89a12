/// The project's rc.d/pf_reload, step by step: nothing to do unless pf is enabled; when
/// tailscaled is enabled, wait (bounded) for the interface; then `pfctl -nf` and `pfctl -f`,
/// which binds rules naming tailscale0 to the interface that now exists.
extension SimulatedState {
    /// Runs the script's start command.
    ///
    /// - Parameter program: what rc.subr's `warn` prints as `$0`: the script's path when
    ///   service(8) runs it, `/etc/rc` at boot (run_rc_script sources the script into /etc/rc).
    /// - Returns: the script's output and, for the boot report, what it did in words.
    mutating func pfReloadScript(program: String) -> (output: CommandOutput, words: String) {
        var output = CommandOutput()
        // `pfctl -s info | grep -q Enabled`: without the module pfctl fails and grep finds nothing.
        guard kernelModules.contains("pf"), pf.enabled else {
            output.out("pf is not enabled; nothing to reload.")
            return (output, "pf is not enabled; nothing to reload")
        }
        let interfaceName = Self.nonEmpty(rcValue("pf_reload_interface")) ?? "tailscale0"
        let timeout = Self.nonEmpty(rcValue("pf_reload_timeout")) ?? "30"
        let rules = Self.nonEmpty(rcValue("pf_rules")) ?? "/etc/pf.conf"
        var words: [String] = []
        if !rcEnabled("tailscaled_enable") {
            words.append("tailscaled is not enabled, so no wait")
        } else if interface(named: interfaceName) != nil {
            words.append("\(interfaceName) is present")
        } else {
            // Nothing in the model creates an interface while a script waits: an interface
            // absent now would still be absent when the wait runs out.
            output.out("Waiting for \(interfaceName) (at most \(timeout) s).")
            output.err("\(program): WARNING: \(interfaceName) did not appear within \(timeout) s; reloading the rules anyway.")
            words.append("\(interfaceName) did not appear within \(timeout) s")
        }
        let check = checkRules(path: rules).output
        guard check.status == 0 else {
            output.stderr += check.stderr
            output.err("\(program): WARNING: \(rules) does not pass pfctl -nf; the loaded rules stay.")
            output.status = 1
            return (output, (words + ["\(rules) does not pass pfctl -nf; the loaded rules stay"]).joined(separator: "; "))
        }
        let load = loadRules(path: rules)
        output.stderr += load.stderr
        if load.status == 0 {
            output.out("Reloaded pf rules.")
            words.append("reloaded \(rules)")
        } else {
            output.status = load.status
            words.append("\(rules) did not load")
        }
        return (output, words.joined(separator: "; "))
    }

    static func nonEmpty(_ value: String?) -> String? {
        value.flatMap { $0.isEmpty ? nil : $0 }
    }
}
