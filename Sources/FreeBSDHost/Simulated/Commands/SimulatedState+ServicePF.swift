/// libexec/rc/rc.d/pf: start, stop, restart, check, reload, resync, status.
extension SimulatedState {
    static let pfScriptPath = "/etc/rc.d/pf"

    mutating func pfScript(_ command: String) throws(Unmodelled) -> CommandOutput {
        let rules = rcValue("pf_rules") ?? "/etc/pf.conf"
        switch command {
        case "start":
            return pfStart(rules: rules)
        case "stop":
            return pfStop()
        case "restart":
            var output = pfStop()
            output.append(pfStart(rules: rules))
            return output
        case "check":
            var output = CommandOutput(stdout: "Checking pf rules.\n")
            output.append(checkRules(path: rules).output)
            return output
        case "reload":
            var output = CommandOutput(stdout: "Reloading pf rules.\n")
            output.append(pfReload(rules: rules))
            return output
        case "resync":
            return loadRulesRequiringModule(path: rules)
        case "status":
            guard kernelModules.contains("pf") else { return CommandOutput(stdout: "pf.ko is not loaded\n", status: 1) }
            return CommandOutput(stdout: PfctlStatusFormatter.info(pf), status: pf.enabled ? 0 : 1)
        default:
            throw Unmodelled()
        }
    }

    /// rc.subr's required_files and required_modules checks, then `pf_start`.
    mutating func pfStart(rules: String) -> CommandOutput {
        guard files[rules] != nil else {
            return .failure("\(Self.pfScriptPath): WARNING: \(rules) is not readable.")
        }
        if !kernelModules.contains("pf") { kernelModules.append("pf") }
        var output = CommandOutput(stdout: "Enabling pf")
        pf = PFRuntime(enabled: pf.enabled, since: pf.since)
        let load = loadRules(path: rules)
        if load.status != 0 {
            output.stderr += load.stderr
            output.err("\(Self.pfScriptPath): WARNING: Unable to load \(rules).")
            if rcEnabled("pf_fallback_rules_enable") {
                let fallbackFile = rcValue("pf_fallback_rules_file") ?? "/etc/pf-fallback.conf"
                if files[fallbackFile] != nil {
                    output.err("\(Self.pfScriptPath): WARNING: Loading fallback rules file: \(fallbackFile)")
                    output.stderr += loadRules(path: fallbackFile).stderr
                } else {
                    let fallback = rcValue("pf_fallback_rules") ?? "block drop log all"
                    output.err("\(Self.pfScriptPath): WARNING: Loading fallback rules: \(fallback)")
                    output.stderr += loadRules(text: fallback + "\n", path: "stdin").stderr
                }
            }
        }
        pf.setEnabled(true)
        output.stdout += ".\n"
        return output
    }

    mutating func pfStop() -> CommandOutput {
        guard kernelModules.contains("pf"), pf.enabled else { return CommandOutput() }
        pf.setEnabled(false)
        return CommandOutput(stdout: "Disabling pf.\n", stderr: "pf disabled\n")
    }

    /// `pf_reload`: check first (stop on error), flush everything but states, load.
    mutating func pfReload(rules: String) -> CommandOutput {
        let check = checkRules(path: rules).output
        guard check.status == 0 else { return check }
        guard kernelModules.contains("pf") else { return .failure("pfctl: /dev/pf: No such file or directory") }
        pf.tables = [:]
        return loadRules(path: rules)
    }

    private mutating func loadRulesRequiringModule(path: String) -> CommandOutput {
        guard kernelModules.contains("pf") else { return .failure("pfctl: /dev/pf: No such file or directory") }
        return loadRules(path: path)
    }
}
