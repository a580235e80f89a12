import Foundation
@testable import FirstbootEngine

/// A step built from closures, so tests can describe steps in a few lines.
struct ClosureStep: Step {
    var id: StepID
    var phase: Phase = "firstboot"
    var requires: [StepID] = []
    var reversibility: Reversibility = .reversible
    var precondition: @Sendable (StepContext) throws -> Void = { _ in }
    var plan: @Sendable (StepContext) throws -> [Change] = { _ in [] }
    var check: @Sendable (StepContext) throws -> Void = { _ in }

    func checkPreconditions(in context: StepContext) throws { try precondition(context) }
    func changes(in context: StepContext) throws -> [Change] { try plan(context) }
    func verify(in context: StepContext) throws { try check(context) }
}

/// Writes `contents` at `path` unless the file already has them with that mode and owner.
func ensureFile(_ path: String, _ contents: Data, mode: FileMode, owner: FileOwner = .root, validate: [String]? = nil,
                in context: StepContext) throws -> [Change] {
    let host = context.host
    if try host.readFile(path) == contents, let status = try host.stat(path), status.mode == mode, status.owner == owner {
        return []
    }
    return [.writeFile(path: path, contents: contents, mode: mode, owner: owner, validate: validate)]
}

/// The five-step sample: files replaced and created (one large enough for a backup file), keys
/// set and removed, a reload that reruns after restore, a command with an undo, and a removal.
enum Sample {
    static let rcConf = "/etc/rc.conf"
    static let appConf = "/etc/app.conf"
    static let oldApp = Data(String(repeating: "old setting\n", count: 600).utf8)  // > inline limit
    static let newApp = Data("new setting\n".utf8)
    static let script = Data("#!/bin/sh\n# PROVIDE: x\n".utf8)

    static func host() -> InMemoryHost {
        let host = InMemoryHost()
        host.state.files[appConf] = .init(contents: oldApp, mode: 0o600, owner: FileOwner(uid: 5, gid: 7))
        host.state.files["/etc/obsolete"] = .init(contents: Data("stale\n".utf8), mode: 0o640, owner: .root)
        host.state.keys[rcConf] = ["b_enable": "YES", "hostname": "h1"]
        host.state.loaded = oldApp
        return host
    }

    static var steps: [any Step] {
        [
            ClosureStep(id: "write-config", plan: { context in
                var changes = try ensureFile(appConf, newApp, mode: 0o644, validate: ["/sbin/check", "{}"], in: context)
                if let host = context.host as? InMemoryHost, host.state.loaded != newApp {
                    // Loads what the file says; undone by loading the restored file.
                    changes.append(.run(argv: ["/sbin/load", appConf], undo: .rerunAfterRestore))
                }
                return changes
            }),
            ClosureStep(id: "set-keys", plan: { context in
                var changes: [Change] = []
                if try context.host.readKey("a_enable", inFile: rcConf) != "YES" {
                    changes.append(.setKey(file: rcConf, key: "a_enable", value: "YES"))
                }
                if try context.host.readKey("b_enable", inFile: rcConf) != nil {
                    changes.append(.unsetKey(file: rcConf, key: "b_enable"))
                }
                return changes
            }),
            ClosureStep(id: "create-thing", plan: { context in
                let list = try context.host.run(Command(["/sbin/thing", "list"])).stdoutText
                var changes: [Change] = []
                for name in ["t0", "t1"] where !list.split(separator: "\n").contains(Substring(name)) {
                    changes.append(.run(argv: ["/sbin/thing", "create", name], undo: .command(["/sbin/thing", "destroy", name])))
                }
                return changes
            }),
            ClosureStep(id: "install-script", plan: { try ensureFile("/usr/local/etc/rc.d/x", script, mode: 0o555, in: $0) }),
            ClosureStep(id: "remove-obsolete", requires: ["write-config"], plan: { context in
                try context.host.readFile("/etc/obsolete") != nil ? [.removeFile(path: "/etc/obsolete")] : []
            }, check: { context in
                guard let host = context.host as? InMemoryHost, host.state.loaded == newApp else {
                    throw StepRefusal("the new configuration is not loaded")
                }
            }),
        ]
    }
}

/// A clock that stands still unless told to move, and moves when slept on.
final class ManualClock: EngineClock, @unchecked Sendable {
    private var seconds: Double
    init(_ start: Double = 1_800_000_000) { seconds = start }
    func now() -> Double { seconds }
    func sleep(seconds: Double) { self.seconds += seconds }
}

func makeEngine(_ host: InMemoryHost, _ stateDirectory: String, steps: [any Step] = Sample.steps, failPoint: FailPoint? = nil,
                at time: Double = 1_800_000_000) -> Engine {
    Engine(steps: steps, host: host, stateDirectory: stateDirectory, toolVersion: "test", settingsDigest: "digest",
           clock: ManualClock(time), failPoint: failPoint)
}
