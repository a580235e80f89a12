extension SimulatedHost {
    /// Reboots the simulated host: cloned interfaces, renames and hand-set addresses, pf's
    /// state and module, daemons, tailscale0 and forwarding are lost; then the boot is replayed
    /// in rcorder order from rc.conf and the files on disk (docs/host-profile.md, "Reboot").
    ///
    /// - Returns: each rc.d script run, in order, with what it did.
    /// - Throws: `HostError` when the rc.d scripts depend on each other in a circle; the
    ///   host is then left as it was.
    package func reboot() throws -> BootReport {
        var next = state
        let report = try next.reboot()
        try commit(next)
        return report
    }
}
