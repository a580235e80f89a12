import Foundation
@testable import FirstbootEngine

/// A host kept in memory for engine tests: files with modes and owners, keys per file, and
/// a tiny command language whose effects are observable — `/sbin/thing create|destroy NAME`
/// makes resources, `/sbin/load FILE` loads a file's bytes. Faults make the next matching
/// operation fail once.
final class InMemoryHost: TargetHost {
    struct Entry: Hashable {
        var contents: Data
        var mode: FileMode
        var owner: FileOwner
    }

    /// Everything that makes up the host's state, compared byte for byte by the tests.
    struct Snapshot: Hashable {
        var files: [String: Entry] = [:]
        var keys: [String: [String: String]] = [:]
        var resources: Set<String> = []
        var loaded: Data?
    }

    var state = Snapshot()
    /// Operations that fail once: "write:PATH", "remove:PATH", "key:FILE:KEY", or a command line.
    var faults: [String] = []
    private(set) var commandLog: [String] = []
    /// The elapsed seconds each command is ticked with while it "runs", as the real runner would.
    var ticksWhileRunning: [Double] = []
    private(set) var mutations = 0

    private func consumeFault(_ name: String) -> Bool {
        guard let index = faults.firstIndex(of: name) else { return false }
        faults.remove(at: index)
        return true
    }

    func run(_ command: Command, tickEvery interval: Double, _ tick: (Double) -> Void) throws -> CommandResult {
        ticksWhileRunning.forEach(tick)
        return try run(command)
    }

    func run(_ command: Command) throws -> CommandResult {
        let line = command.description
        commandLog.append(line)
        if consumeFault(line) { return .exited(1, stderr: "injected failure") }
        let argv = command.argv
        switch (argv.first, argv.count) {
        case ("/sbin/thing", 3) where argv[1] == "create":
            guard state.resources.insert(argv[2]).inserted else { return .exited(1, stderr: "thing: \(argv[2]) exists") }
            mutations += 1
            return .exited(0)
        case ("/sbin/thing", 3) where argv[1] == "destroy":
            guard state.resources.remove(argv[2]) != nil else { return .exited(1, stderr: "thing: no \(argv[2])") }
            mutations += 1
            return .exited(0)
        case ("/sbin/thing", 2) where argv[1] == "list":
            return .exited(0, stdout: state.resources.sorted().joined(separator: "\n"))
        case ("/sbin/load", 2):
            guard let entry = state.files[argv[1]] else { return .exited(1, stderr: "load: \(argv[1]): not found") }
            state.loaded = entry.contents
            mutations += 1
            return .exited(0)
        case ("/sbin/check", 2):
            guard let entry = state.files[argv[1]] else { return .exited(1, stderr: "check: no file") }
            let text = String(decoding: entry.contents, as: UTF8.self)
            return text.contains("bad") ? .exited(1, stderr: "\(argv[1]):1: syntax error") : .exited(0)
        default:
            throw HostError("the in-memory host does not model `\(line)`")
        }
    }

    func readFile(_ path: String) throws -> Data? { state.files[path]?.contents }

    func stat(_ path: String) throws -> FileStat? {
        state.files[path].map { FileStat(kind: .regular, mode: $0.mode, owner: $0.owner, size: $0.contents.count) }
    }

    func writeFile(_ path: String, contents: Data, mode: FileMode, owner: FileOwner) throws {
        if consumeFault("write:" + path) { throw HostError("cannot write \(path): injected failure") }
        state.files[path] = Entry(contents: contents, mode: mode, owner: owner)
        mutations += 1
    }

    func removeFile(_ path: String) throws {
        if consumeFault("remove:" + path) { throw HostError("cannot remove \(path): injected failure") }
        if state.files.removeValue(forKey: path) != nil { mutations += 1 }
    }

    func listDirectory(_ path: String) throws -> [String]? {
        let prefix = path + "/"
        let names = state.files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).split(separator: "/")[0]) }
        return names.isEmpty ? nil : Array(Set(names)).sorted()
    }

    func readKey(_ key: String, inFile path: String) throws -> String? { state.keys[path]?[key] }

    func writeKey(_ key: String, value: String?, inFile path: String) throws {
        if consumeFault("key:\(path):\(key)") { throw HostError("cannot write \(key) in \(path): injected failure") }
        state.keys[path, default: [:]][key] = value
        if state.keys[path]?.isEmpty == true { state.keys[path] = nil }
        mutations += 1
    }
}
