import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A reboot: run-time state is lost, then /etc/rc replays the boot in rcorder order from
/// rc.conf and the files on disk.
extension SimulatedState {
    /// A whole boot; the boot hook, if installed, is reported as skipped (`SimulatedHost`
    /// runs it in place when given a hook).
    mutating func reboot() throws(HostError) -> BootReport {
        var report = BootReport()
        for script in try beginBoot() {
            if let entry = boot(script) { report.entries.append(entry) }
        }
        endBoot()
        return report
    }

    /// The machine goes down and comes up: returns the scripts /etc/rc will run, in order.
    mutating func beginBoot() throws(HostError) -> [RCScript] {
        powerCycle()
        return try bootOrder()
    }

    /// /etc/rc removes the firstboot sentinel at the end of every boot.
    mutating func endBoot() {
        let sentinel = rcValue("firstboot_sentinel") ?? "/firstboot"
        files[sentinel] = nil
        files[sentinel + "-reboot"] = nil
    }

    /// Runs one script as /etc/rc does; nil for a base script the report leaves out.
    mutating func boot(_ script: RCScript) -> BootReport.Entry? {
        guard script.behavior != .unlisted else { return nil }
        let (outcome, summary) = run(script)
        return BootReport.Entry(script: script.path, outcome: outcome, summary: summary)
    }

    /// Whether /etc/rc would run the script's start command (rc_fast: a disabled one returns at once).
    func bootEnables(_ script: RCScript) -> Bool {
        script.rcvar.map(rcEnabled) ?? true
    }

    /// What is lost when the machine goes down: cloned interfaces, renames, addresses set by
    /// hand, pf's state and module, running daemons, forwarding.
    private mutating func powerCycle() {
        interfaces = interfaces.filter { !$0.isCloned }.map { item in
            var item = item
            item.name = item.originalName
            item.members = []
            item.description = nil
            if item.kind == .physical {
                item.inet = item.bootInet
                item.up = true
            } else if item.originalName == "lo0" {
                item.inet = ["127.0.0.1/8"]
                item.up = true
            }
            return item
        }
        nextInterfaceIndex = (interfaces.map(\.index).max() ?? 0) + 1
        defaultRoute = nil
        pf = PFRuntime()
        kernelModules = []
        services = [:]
        // A new kernel numbers processes afresh: what ran before the reboot leaves no trace
        // in the pids of the daemons rc starts.
        nextPID = SimulatedState.firstPID
        tailscale.daemonPID = nil
        ipForwarding = 0
        boots += 1
    }

    private mutating func run(_ script: RCScript) -> (BootReport.Outcome, String) {
        if let rcvar = script.rcvar, !rcEnabled(rcvar) {
            return (.disabled, "\(rcvar) is not YES")
        }
        switch script.behavior {
        case .placeholder:
            if script.name == "hostname", let name = rcValue("hostname"), !name.isEmpty {
                hostname = name
                return (.ran, "set the host name to \(name)")
            }
            return (.ran, "nothing to do (an ordering point)")
        case .netif:
            return (.ran, bootNetif())
        case .routing:
            return (.ran, bootRouting())
        case .pf:
            let output = pfStart(rules: rcValue("pf_rules") ?? "/etc/pf.conf")
            let problems = output.stderr.split(separator: "\n").joined(separator: "; ")
            return (.ran, pf.enabled ? (problems.isEmpty ? "loaded \(pf.loadedPath ?? "no rules") and enabled pf" : "enabled pf: \(problems)") : "pf not enabled: \(problems)")
        case .daemon(let daemon):
            let output = startDaemon(daemon)
            guard output.status == 0 else { return (.ran, "did not start: \(output.stderr.trimmingNewlines())") }
            return (.ran, (["started \(script.name)"] + [daemon.bootNote(self)].compactMap { $0 }).joined(separator: "; "))
        case .pfReload:
            return (.ran, pfReloadScript(program: "/etc/rc").words)
        case .unmodelled, .unlisted:
            return (.skipped, "not modelled by the simulated host")
        case .bootHook:
            return (.skipped, "apply --boot is not run by this reboot")
        }
    }

    /// rc.d/netif: clone_up, ifnet_rename, then each interface's ifconfig_<IF>.
    private mutating func bootNetif() -> String {
        var done: [String] = []
        for name in rcWords("cloned_interfaces") {
            if interface(named: name) != nil { continue }
            let output = (try? ifconfig([name, "create"])) ?? .failure("not modelled")
            done.append(output.status == 0 ? "created \(name)" : "could not create \(name): \(output.stderr.trimmingNewlines())")
        }
        for item in interfaces {
            guard let newName = rcValue("ifconfig_\(Self.ifVar(item.name))_name"), !newName.isEmpty else { continue }
            let output = (try? ifconfig([item.name, "name", newName])) ?? .failure("not modelled")
            done.append(output.status == 0 ? "renamed \(item.name) to \(newName)" : "could not rename \(item.name): \(output.stderr.trimmingNewlines())")
        }
        for item in interfaces {
            let variable = Self.ifVar(item.name)
            if let description = rcValue("ifconfig_\(variable)_descr"), !description.isEmpty,
               let index = interfaceIndex(named: item.name) {
                interfaces[index].description = description
            }
            guard let value = rcValue("ifconfig_\(variable)") else { continue }
            let dhcp = ["DHCP", "SYNCDHCP", "NOSYNCDHCP"]
            let words = value.split(separator: " ").map(String.init)
                .filter { !dhcp.contains($0.uppercased()) && !["NOAUTO", "WPA", "AUTO"].contains($0.uppercased()) }
            if words.isEmpty {
                if value.uppercased().contains("DHCP") { done.append("\(item.name) got its DHCP lease") }
                continue
            }
            let output = (try? ifconfig([item.name] + words)) ?? .failure("not modelled")
            done.append(output.status == 0 ? "configured \(item.name) (\(value))" : "could not configure \(item.name): \(output.stderr.trimmingNewlines())")
            var alias = 0
            while let extra = rcValue("ifconfig_\(variable)_alias\(alias)") {
                let words = extra.split(separator: " ").map(String.init)
                _ = try? ifconfig([item.name] + words + ["alias"])
                alias += 1
            }
        }
        return done.isEmpty ? "nothing to configure" : done.joined(separator: "; ")
    }

    /// rc.d/routing: the default route (defaultrouter, else the DHCP/static route of the
    /// profile) and forwarding from gateway_enable.
    private mutating func bootRouting() -> String {
        var done: [String] = []
        if let router = rcValue("defaultrouter"), router.uppercased() != "NO", let gateway = IPv4Address(router) {
            let via = interfaces.first { $0.networks.contains { $0.contains(gateway) } }
            if let via {
                defaultRoute = ProfileRoute(gateway: router, interface: via.name)
                done.append("default route via \(router) on \(via.name)")
            } else {
                done.append("defaultrouter \(router) is on no interface's network; no default route")
            }
        } else if let original = initialRoute,
                  let via = interfaces.first(where: { $0.originalName == original.interface && $0.kind == .physical }) {
            defaultRoute = ProfileRoute(gateway: original.gateway, interface: via.name)
            done.append("default route via \(original.gateway) on \(via.name)")
        }
        if rcEnabled("gateway_enable") {
            ipForwarding = 1
            done.append("net.inet.ip.forwarding=1")
        }
        return done.isEmpty ? "no default route" : done.joined(separator: "; ")
    }

    /// network.subr's get_if_var: `.`, `-`, `/` and `+` in an interface name become `_`.
    static func ifVar(_ name: String) -> String {
        String(name.map { ".-/+".contains($0) ? "_" : $0 })
    }
}
