import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SimulatedState {
    static let localRCDirectory = "/usr/local/etc/rc.d"

    /// The base scripts and the local ones rc.subr would pick up: files in
    /// /usr/local/etc/rc.d that are executable and have a `# PROVIDE:` line
    /// (`*.sample` and `*.pkgsave` are ignored, as find_local_scripts_new does).
    var rcScripts: [RCScript] { rcScripts(daemons: SimulatedDaemon.table) }

    /// The scripts with `daemons` as the modelled daemons (`SimulatedDaemon.table` but in tests).
    func rcScripts(daemons: [SimulatedDaemon]) -> [RCScript] {
        BaseRCScripts.all(freebsdVersion: freebsdVersion, daemons: daemons) + localRCScripts(daemons: daemons)
    }

    private func localRCScripts(daemons: [SimulatedDaemon]) -> [RCScript] {
        let localStartup = rcValue("local_startup") ?? Self.localRCDirectory
        guard !localStartup.isEmpty, localStartup.uppercased() != "NO" else { return [] }
        return (listDirectory(Self.localRCDirectory) ?? []).compactMap { entry in
            let path = Self.localRCDirectory + "/" + entry
            guard !entry.hasSuffix(".sample"), !entry.hasSuffix(".pkgsave"),
                  let file = files[path], file.mode & 0o111 != 0 else { return nil }
            let text = String(decoding: file.contents, as: UTF8.self)
            guard text.split(separator: "\n").contains(where: { $0.hasPrefix("# PROVIDE:") }),
                  let header = try? RCScriptHeader.parse(text) else { return nil }
            let name = Self.shellAssignment("name", in: text) ?? entry
            let rcvar = Self.shellAssignment("rcvar", in: text)
            let behavior: RCScript.Behavior
            if header.provide.contains("pf_reload") {
                behavior = .pfReload
            } else if header.provide.contains("clawdie_firstboot") {
                behavior = .bootHook
            } else if let daemon = daemons.first(where: { daemon in
                daemon.isLocal && header.provide.contains(daemon.name) && daemon.package.map { packages[$0] != nil } ?? true
            }) {
                behavior = .daemon(daemon)
            } else {
                behavior = .unmodelled
            }
            return RCScript(path: path, name: name, header: header, rcvar: rcvar?.isEmpty == true ? nil : rcvar, behavior: behavior)
        }
    }

    func rcScript(named name: String, daemons: [SimulatedDaemon] = SimulatedDaemon.table) -> RCScript? {
        rcScripts(daemons: daemons).first { PathName.lastComponent(of: $0.path) == name }
    }

    /// The value of a plain `key=value` line of a script (`name="pf_reload"`,
    /// `rcvar=pf_reload_enable`); `${name}_enable` is expanded from `name`.
    static func shellAssignment(_ key: String, in text: String) -> String? {
        var found: String?
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimmingWhitespace()
            guard line.hasPrefix(key + "=") else { continue }
            var value = String(line.dropFirst(key.count + 1))
            if let comment = value.firstRange(ofLiteral: " #") { value = String(value[..<comment.lowerBound]) }
            value = value.trimming(scalarsIn: "\"' ")
            found = value
        }
        guard var value = found else { return nil }
        if key != "name", let name = shellAssignment("name", in: text) {
            value = value.replacingEvery("${name}", with: name).replacingEvery("$name", with: name)
        }
        return value
    }

    /// rc scripts in the order /etc/rc (libexec/rc/rc) runs them, in its two passes: first
    /// `rcorder /etc/rc.d/*` (base scripts only) up to and including `early_late_divider`
    /// (FILESYSTEMS by default, when local file systems are mounted); then rcorder again over
    /// the base and local_startup scripts, skipping those already run. Scripts with `nostart`
    /// are left out always, `firstboot` ones when the sentinel file is absent. Tied scripts
    /// come out in the profile's `rcorder_ties` order.
    func bootOrder() throws(HostError) -> [RCScript] {
        var skipping: Set<String> = ["nostart"]
        let sentinel = rcValue("firstboot_sentinel") ?? "/firstboot"
        if files[sentinel] == nil { skipping.insert("firstboot") }
        let divider = Self.nonEmpty(rcValue("early_late_divider")) ?? "FILESYSTEMS"
        var run: [RCScript] = []
        for script in try Self.rcorder(BaseRCScripts.all(freebsdVersion: freebsdVersion), skipping: skipping, ties: rcorderTies) {
            run.append(script)
            if PathName.lastComponent(of: script.path) == divider { break }
        }
        let done = Set(run.map(\.path))
        run += try Self.rcorder(rcScripts, skipping: skipping, ties: rcorderTies).filter { !done.contains($0.path) }
        return run
    }

    private static func rcorder(_ scripts: [RCScript], skipping: Set<String>, ties: RCOrder.TieOrder) throws(HostError) -> [RCScript] {
        let byPath = Dictionary(scripts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        do {
            let ordering = try RCOrder.order(scripts: scripts.map { ($0.path, $0.header) }, skipping: skipping, ties: ties)
            return ordering.paths.compactMap { byPath[$0] }
        } catch {
            throw HostError("the simulated host cannot boot: \(error.description)", cause: error)
        }
    }
}
