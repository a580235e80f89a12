import FirstbootEngine

/// `install-tailscale`: `pkg install -y tailscale`, skipped when it is installed. Needs the
/// firstboot phase complete: the host is firewalled before anything is installed.
struct InstallTailscale: Step {
    let id = "install-tailscale"
    let phase = Phase.lockdown
    var requires: [String] { ["enable-pf"] }
    var settings: Settings

    func changes(in context: StepContext) throws -> [Change] {
        guard try !TailscaleFacts(host: context.host).installed() else { return [] }
        return [.run(argv: [FreeBSDPaths.pkg, "install", "-y", "tailscale"],
                     undo: .commandUnlessUndone([FreeBSDPaths.pkg, "delete", "-y", "tailscale"], alreadyUndone: "No packages matched"))]
    }

    func verify(in context: StepContext) throws {
        guard try TailscaleFacts(host: context.host).installed() else {
            throw StepRefusal("`pkg info -e tailscale` says the package is not installed")
        }
    }
}
