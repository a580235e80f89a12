@testable import ClawdieFirstboot

/// Matrix cases left out of the run until the fix they need is in: each names the defect.
/// Delete an entry once its fix has landed; `CLAWDIE_SAFETY_MATRIX=full` runs them anyway.
enum PendingFix {
    /// The jail loopback without an address is created but never brought up, so the vnet phase
    /// never converges (issue 9, item 4: create-jail-loopback wants `ifconfig clawdie0 up`
    /// after every apply and every reboot).
    static func leavesOut(_ matrixCase: MatrixCase) -> String? {
        // Open, found by this matrix and not yet fixed: on a host converged on the lockdown site
        // and then given the vnet site, `pfctl -t clawdie_jails -T show` failing leaves the host
        // neither as before jail-table nor as before the run.
        if matrixCase.from == "lockdown" && matrixCase.site == "vnet" {
            return "lockdown -> vnet: a failing table listing (open, found by the matrix)"
        }
        guard let settings = try? Settings.load(path: matrixCase.sitePath, mustExist: true) else { return nil }
        guard settings.bootPhases.contains(Phase.vnet), settings.jailLoopbackAddress == nil else { return nil }
        return "the jail loopback without an address never comes up (issue 9, item 4)"
    }
}

extension PendingFix {
    /// Open, found by this matrix and not yet fixed: a run of the vnet phase crashed late,
    /// then a reboot and `apply --boot`, ends with other facts than an uninterrupted run and
    /// a reboot. Until it is fixed that one comparison is made only with
    /// `CLAWDIE_SAFETY_MATRIX=full`; the plain resume, the management path and convergence
    /// are checked for these cases as for every other.
    static func skipsBootResumeFacts(_ matrixCase: MatrixCase) -> Bool {
        guard let settings = try? Settings.load(path: matrixCase.sitePath, mustExist: true) else { return false }
        return settings.bootPhases.contains(Phase.vnet)
    }
}
