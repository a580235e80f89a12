import FirstbootEngine
import Foundation
import TestSupport
@testable import ClawdieFirstboot
@testable import FreeBSDHost

/// One simulated host of the safety matrix, driven in-process: every call builds its context
/// afresh from the files in the state directory, as a new process of the tool would, so a
/// crash (a thrown `SimulatedCrash`) leaves exactly what a killed process leaves.
struct MatrixHost {
    var profilePath: String
    var configPath: String
    var stateDirectory: String

    /// The context a command of the tool would build.
    func context(_ verb: Invocation.Verb = .apply, config: String? = nil) throws -> ToolContext {
        try ToolContext(Invocation(verb: verb, configPath: config ?? configPath, stateDirectory: stateDirectory, hostProfile: profilePath),
                        changesHost: verb != .plan)
    }

    /// `apply` of the configured phases (or `phases`), with the confirmation the configuration
    /// asks for but no watcher process (the confirmation dimension runs the binary).
    @discardableResult
    func apply(phases: [Phase]? = nil, boot: Bool = false, crashAfter point: Int? = nil, config: String? = nil) throws -> ApplyReport {
        var context = try context(config: config)
        let phases = phases ?? context.settings.bootPhases
        if let point {
            let engine = context.engine
            context.engine = Engine(steps: engine.steps, host: engine.host, stateDirectory: engine.stateDirectory, toolVersion: engine.toolVersion,
                                    settingsDigest: engine.settingsDigest, failPoint: .throwing(afterWrite: point))
        }
        let window = context.settings.lockdownConfirmWithin
        let confirm = window > 0 && phases.contains(Phase.lockdown) ? ConfirmationRequest(step: StepID.lockdownPF, seconds: Double(window)) : nil
        return try context.engine.apply(phases: phases, boot: boot, confirm: confirm)
    }

    func plan(phases: [Phase]? = nil, config: String? = nil) throws -> Plan {
        let context = try context(.plan, config: config)
        return try context.engine.plan(phases: phases ?? context.settings.bootPhases)
    }

    /// The host as `facts` records it: what two runs are compared by. Process ids are left
    /// out, and interfaces are put in name order: both say in which order daemons started and
    /// interfaces were created (by rc at boot, or by a resumed apply after it), not how the
    /// host is configured or what it does.
    func facts() throws -> String {
        let context = try context(.facts)
        let data = try FactsCollector.collect(context, phases: context.phases(Invocation(verb: .facts))).encode()
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        if let interfaces = object["interfaces"] as? [[String: Any]] {
            object["interfaces"] = interfaces.sorted { ($0["name"] as? String ?? "") < ($1["name"] as? String ?? "") }
        }
        if let transcripts = object["transcripts"] as? [[String: Any]] {
            object["transcripts"] = transcripts.map { transcript in
                var transcript = transcript
                if let stdout = transcript["stdout"] as? String, (transcript["argv"] as? [String])?.first == "/sbin/ifconfig" {
                    transcript["stdout"] = Self.inNameOrder(stdout)
                }
                return transcript
            }
        }
        let text = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self)
        return text.replacing(#/(pid|PID) [0-9]+/#) { "\($0.output.1) N" }
    }

    /// The places where two `facts` differ, each named by its path (interfaces by name,
    /// transcripts by command, files by path), with both values: what a finding shows
    /// instead of two whole hosts.
    static func differences(_ left: String, _ right: String) -> [String: String] {
        let a = flattened(left), b = flattened(right)
        var result: [String: String] = [:]
        for path in Set(a.keys).union(b.keys) where a[path] != b[path] {
            result[path] = "`\(a[path] ?? "nothing")` became `\(b[path] ?? "nothing")`"
        }
        return result
    }

    static func flattened(_ facts: String) -> [String: String] {
        var result: [String: String] = [:]
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for (key, member) in object { walk(member, path + "/" + key) }
            } else if let list = value as? [Any], list.allSatisfy({ $0 is [String: Any] }) {
                for (index, element) in list.enumerated() {
                    let object = element as! [String: Any]
                    let key = (object["name"] as? String) ?? (object["argv"] as? [String])?.joined(separator: " ") ?? "\(index)"
                    walk(element, path + "[" + key + "]")
                }
            } else {
                let data = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys])) ?? Data()
                result[path] = String(decoding: data, as: UTF8.self)
            }
        }
        walk((try? JSONSerialization.jsonObject(with: Data(facts.utf8))) ?? [:], "")
        return result
    }

    /// `ifconfig` output with its interface blocks, or `ifconfig -l`'s words, in name order.
    static func inNameOrder(_ stdout: String) -> String {
        let lines = stdout.split(separator: "\n")
        if lines.count == 1, !stdout.contains(":") {
            return stdout.split(whereSeparator: \.isWhitespace).sorted().joined(separator: " ")
        }
        var blocks: [[Substring]] = []
        for line in lines {
            if line.hasPrefix("\t"), !blocks.isEmpty { blocks[blocks.count - 1].append(line) } else { blocks.append([line]) }
        }
        return blocks.sorted { $0[0] < $1[0] }.map { $0.joined(separator: "\n") }.joined(separator: "\n")
    }

    func simulated() throws -> SimulatedHost {
        try SimulatedHost(profilePath: profilePath, stateDirectory: stateDirectory)
    }

    /// `simulate reboot` without the boot hook: the runtime state is lost and rc brings the
    /// host back from what it persisted.
    func reboot() throws {
        _ = try simulated().reboot()
    }

    /// The number of durable journal writes so far.
    func journalRecords() -> Int {
        guard let text = try? String(contentsOfFile: stateDirectory + "/journal.jsonl", encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").count
    }

    /// A copy of this host in another state directory, to try two ways on from one point.
    func copy() throws -> MatrixHost {
        let target = try TemporaryDirectory.keptUntilExit() + "/state"
        try FileManager.default.copyItem(atPath: stateDirectory, toPath: target)
        return MatrixHost(profilePath: profilePath, configPath: configPath, stateDirectory: target)
    }
}
