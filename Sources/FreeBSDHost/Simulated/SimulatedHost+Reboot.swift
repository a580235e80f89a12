extension SimulatedHost {
    /// Reboots the simulated host: cloned interfaces, renames and hand-set addresses, pf's
    /// state and module, daemons, tailscale0 and forwarding are lost; then the boot is replayed
    /// in rcorder order from rc.conf and the files on disk (docs/host-profile.md, "Reboot").
    ///
    /// - Parameter hook: runs the project's boot hook where /etc/rc reaches it, when it is
    ///   installed and enabled: the host is committed as booted so far, `hook` runs commands
    ///   against it (`apply --boot`) and returns what it did in words, and the boot goes on
    ///   from the host as the hook left it. Without it the hook is reported as skipped.
    /// - Returns: each rc.d script run, in order, with what it did.
    /// - Throws: `HostError` when the rc.d scripts depend on each other in a circle (the
    ///   host is then left as it was), or what `hook` throws.
    package func reboot(hook: ((String) throws -> String)? = nil) throws -> BootReport {
        var next = state
        var report = BootReport()
        for script in try next.beginBoot() {
            if script.behavior == .bootHook, let hook, next.bootEnables(script) {
                try commit(next)
                let summary = try hook(script.path)
                try reload()
                next = state
                report.entries.append(BootReport.Entry(script: script.path, outcome: .ran, summary: summary))
            } else if let entry = next.boot(script) {
                report.entries.append(entry)
            }
        }
        next.endBoot()
        try commit(next)
        return report
    }
}
