/// pkg(8) at /usr/local/sbin/pkg: `-N`, `info`, `info -e NAME`, `install -y NAME`, `delete -y NAME`. The repository the
/// simulator installs from holds `tailscale` (and its dependency `ca_root_nss`).
extension SimulatedState {
    static let packageComments = [
        "pkg": "Package manager", "tailscale": "Zero config VPN", "ca_root_nss": "Root certificate bundle from the Mozilla Project",
        "vm-bhyve": "Management system for bhyve virtual machines", "sudo": "Allow others to run commands as root",
        "bastille": "Bastille is an open-source system for automating deployment and management of containerized applications on FreeBSD",
    ]

    mutating func pkg(_ args: [String]) throws(Unmodelled) -> CommandOutput {
        switch args.first {
        case "-N":
            // Activation check: the database holds at least pkg itself (its message is not modelled).
            return CommandOutput(status: args.count == 1 && !packages.isEmpty ? 0 : 1)
        case "info":
            if args.count == 1 {
                let lines = packages.keys.sorted().map { name in
                    PfctlStatusFormatter.pad("\(name)-\(packages[name]!)", 31) + " " + (Self.packageComments[name] ?? name)
                }
                return CommandOutput(stdout: lines.map { $0 + "\n" }.joined())
            }
            guard args.count == 3, args[1] == "-e" else { throw Unmodelled() }
            return CommandOutput(status: packages[args[2]] != nil ? 0 : 1)
        case "install":
            guard args.count == 3, args[1] == "-y" else { throw Unmodelled() }
            return installPackage(args[2])
        case "delete", "remove":
            guard args.count == 3, args[1] == "-y" else { throw Unmodelled() }
            return deletePackage(args[2])
        default:
            throw Unmodelled()
        }
    }

    private mutating func installPackage(_ name: String) -> CommandOutput {
        var output = CommandOutput()
        output.out("Updating FreeBSD repository catalogue...")
        output.out("FreeBSD repository is up to date.")
        output.out("All repositories are up to date.")
        guard name == "tailscale" else {
            output.err("pkg: No packages available to install matching '\(name)' have been found in the repositories")
            output.status = 1
            return output
        }
        if packages[name] != nil {
            output.out("Checking integrity... done (0 conflicting)")
            output.out("The most recent versions of packages are already installed")
            return output
        }
        let withCertificates = packages["ca_root_nss"] == nil
        let count = withCertificates ? 2 : 1
        output.out("The following \(count) package(s) will be affected (of 0 checked):")
        output.out("")
        output.out("New packages to be INSTALLED:")
        if withCertificates { output.out("\tca_root_nss: 3.108") }
        output.out("\ttailscale: \(TailscalePackage.version)")
        output.out("")
        output.out("Number of packages to be installed: \(count)")
        output.out("")
        output.out("The process will require 35 MiB more space.")
        output.out("11 MiB to be downloaded.")
        output.out("Checking integrity... done (0 conflicting)")
        var step = 1
        if withCertificates {
            output.out("[1/\(count)] Installing ca_root_nss-3.108...")
            output.out("[1/\(count)] Extracting ca_root_nss-3.108: ....... done")
            step = 2
        }
        output.out("[\(step)/\(count)] Installing tailscale-\(TailscalePackage.version)...")
        output.out("[\(step)/\(count)] Extracting tailscale-\(TailscalePackage.version): ...... done")
        installTailscale(version: TailscalePackage.version)
        return output
    }

    private mutating func deletePackage(_ name: String) -> CommandOutput {
        guard let version = packages[name] else {
            return CommandOutput(stdout: "No packages matched for pattern '\(name)'\n\nChecking integrity... done (0 conflicting)\nNothing to do.\n", status: 1)
        }
        var output = CommandOutput()
        output.out("Checking integrity... done (0 conflicting)")
        output.out("Deinstallation has been requested for the following 1 packages (of 0 packages in the universe):")
        output.out("")
        output.out("Installed packages to be REMOVED:")
        output.out("\t\(name): \(version)")
        output.out("")
        output.out("Number of packages to be removed: 1")
        output.out("[1/1] Deinstalling \(name)-\(version)...")
        output.out("[1/1] Deleting files for \(name)-\(version): .......... done")
        packages[name] = nil
        if name == "tailscale" {
            for path in TailscalePackage.files.keys { files[path] = nil }
        }
        return output
    }
}
