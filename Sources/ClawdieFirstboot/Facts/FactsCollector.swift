import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FreeBSDHost

/// Builds a host profile of the current host, real or simulated: its name, version,
/// interfaces, default route and packages, plus every file and command output the plan reads
/// (as files and transcripts), so that `plan --host-profile` on the result reproduces this
/// host's plan. On a simulated host every file is included. Files that only their owner may
/// read (mode 0600, 0400 …) are written as a placeholder: a profile never carries a secret.
/// Deterministic: the same host gives the same bytes.
enum FactsCollector {
    /// Read-only commands recorded besides those the plan runs: the state `status` and the
    /// steps' verifications look at.
    static let extraCommands: [[String]] = [
        ["/sbin/ifconfig", "-l"], ["/sbin/pfctl", "-s", "info"], ["/sbin/pfctl", "-s", "rules"],
        ["/sbin/sysctl", "-n", "net.inet.ip.forwarding"], ["/sbin/pfctl", "-s", "Tables"],
    ]

    static func collect(_ context: ToolContext, phases: [Phase]) throws -> HostProfile {
        let recorder = RecordingHost(over: context.host)
        let engine = Engine(steps: context.engine.steps, host: recorder, stateDirectory: context.stateDirectory,
                            toolVersion: toolVersion, settingsDigest: context.settings.digest)
        // A plan that stops on a refused precondition still recorded what it read.
        _ = try? engine.plan(phases: phases)
        for argv in extraCommands { _ = try? recorder.run(Command(argv)) }
        // Each loaded table's contents (the jail table, the bruteforce table).
        if let tables = try? recorder.run(Command(["/sbin/pfctl", "-s", "Tables"])), tables.succeeded {
            for name in tables.stdoutText.split(separator: "\n") where !name.isEmpty {
                _ = try? recorder.run(Command(["/sbin/pfctl", "-t", String(name), "-T", "show"]))
            }
        }

        let observer = HostObserver(host: context.host)
        let (hostname, version) = try identity(context)
        var profile = HostProfile(hostname: hostname, freebsdVersion: version)
        let all = try context.host.run(Command([FreeBSDPaths.ifconfig]))
        if all.succeeded {
            profile.interfaces = try IfconfigOutput.parse(all.stdoutText).map(profileInterface)
        }
        if let route = try DefaultRoute.parse(try observer.run([FreeBSDPaths.route, "-n", "get", "default"]).stdoutText) {
            profile.defaultRoute = ProfileRoute(gateway: route.gateway ?? "", interface: route.interface)
        }
        let packages = try context.host.run(Command(["/usr/sbin/pkg", "info"]))
        if packages.succeeded {
            for package in try PkgOutput.installedPackages(packages.stdoutText) { profile.packages[package.name] = package.version }
        }
        profile.servicesRunning = context.simulated?.runningServices ?? []
        for (path, file) in recorder.files {
            profile.files[path] = ProfileFile(contents: file.contents, mode: file.status.mode, owner: file.status.owner)
        }
        // A simulated host knows all its files: record them all, so two hosts compare whole.
        if let simulated = context.simulated { profile.files = simulated.allFiles }
        // Files only their owner may read (auth keys, private keys) are never written out.
        for (path, file) in profile.files where file.mode & 0o077 == 0 {
            profile.files[path] = ProfileFile(text: Secret.placeholder + "\n", mode: file.mode, owner: file.owner)
        }
        profile.transcripts = recorder.commands.map { argv, result in
            ProfileTranscript(argv: argv, stdout: result.stdoutText, stderr: result.stderrText,
                              exitStatus: { if case .exited(let code) = result.termination { code } else { 1 } }())
        }.sorted { $0.argv.lexicographicallyPrecedes($1.argv) }
        return profile
    }

    private static func identity(_ context: ToolContext) throws -> (String, String) {
        if let simulated = context.simulated { return simulated.identity }
        let hostname = try context.host.run(Command(["/bin/hostname"])).stdoutText.trimmingWhitespaceAndNewlines()
        let version = try context.host.run(Command(["/bin/freebsd-version", "-u"])).stdoutText.trimmingWhitespaceAndNewlines()
        return (hostname, version)
    }

    private static func profileInterface(_ info: InterfaceInfo) -> ProfileInterface {
        let kind: InterfaceKind
        if info.groups.contains("bridge") { kind = .bridge }
        else if info.groups.contains("lo") || info.flags.contains("LOOPBACK") { kind = .loopback }
        else if info.groups.contains("epair") { kind = .epair }
        else { kind = .physical }
        return ProfileInterface(name: info.name, kind: kind, inet: info.inet.map(\.network.description),
                                inet6: info.inet6.map { "\($0.address)/\($0.prefixLength)" }, ether: info.ether,
                                up: info.isUp, members: info.members.map(\.name))
    }
}
