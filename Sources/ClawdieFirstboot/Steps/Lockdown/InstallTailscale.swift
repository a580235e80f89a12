import FirstbootEngine

/// `install-tailscale`: `pkg install -y tailscale`, skipped when it is installed, after
/// bootstrapping pkg on a fresh install. Needs the firstboot phase complete: the host is
/// firewalled before anything is installed.
struct InstallTailscale: Step {
    let id = StepID.installTailscale
    let phase = Phase.lockdown
    var requires: [StepID] { [.enablePF] }
    var settings: Settings

    func changes(in context: StepContext) throws -> [Change] {
        guard try !TailscaleFacts(host: context.host).installed() else { return [] }
        var changes: [Change] = []
        // On a fresh install /usr/sbin/pkg is pkg(7)'s bootstrap shim. It reads only
        // ASSUME_ALWAYS_YES (never -y) and without it refuses when stdin is not a tty — or, on
        // a console at boot, waits at a prompt. `pkg -N` asks without bootstrapping. pkg stays
        // installed on undo: removing the package manager is not this step's to do.
        if try !HostObserver(host: context.host).run([FreeBSDPaths.pkg, "-N"]).succeeded {
            changes.append(.run(argv: [FreeBSDPaths.env, "ASSUME_ALWAYS_YES=yes", FreeBSDPaths.pkg, "bootstrap"], undo: .nothing))
        }
        changes.append(.run(argv: [FreeBSDPaths.pkg, "install", "-y", "tailscale"],
                            undo: .commandUnlessUndone([FreeBSDPaths.pkg, "delete", "-y", "tailscale"], alreadyUndone: "No packages matched")))
        return changes
    }

    func verify(in context: StepContext) throws {
        guard try TailscaleFacts(host: context.host).installed() else {
            throw StepRefusal("`pkg info -e tailscale` says the package is not installed")
        }
    }
}

extension StepID {
    static let installTailscale = StepID("install-tailscale")
}
