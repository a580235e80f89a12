#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The host as a plan sees it: the real host underneath, with the file and key changes of
/// the steps planned so far laid over it in memory, so a later step plans against what the
/// host will be after the earlier ones. Nothing reaches the host underneath except reads and
/// the read-only commands steps run to observe.
final class PlanningHost: TargetHost {
    private struct PlannedFile {
        var contents: Data
        var mode: FileMode
        var owner: FileOwner
    }

    private let base: any TargetHost
    private var files: [String: PlannedFile?] = [:]
    private var keys: [String: [String: String?]] = [:]

    init(over base: any TargetHost) { self.base = base }

    func apply(_ change: Change) {
        switch change {
        case .writeFile(let path, let contents, let mode, let owner, _):
            files[path] = PlannedFile(contents: contents, mode: mode, owner: owner)
        case .removeFile(let path):
            files[path] = .some(nil)
        case .setKey(let file, let key, let value):
            keys[file, default: [:]][key] = .some(value)
        case .unsetKey(let file, let key):
            keys[file, default: [:]][key] = .some(nil)
        case .run:
            break
        }
    }

    func run(_ command: Command) throws -> CommandResult { try base.run(command) }

    func readFile(_ path: String) throws -> Data? {
        if let planned = files[path] { return planned?.contents }
        return try base.readFile(path)
    }

    func stat(_ path: String) throws -> FileStat? {
        if let planned = files[path] {
            return planned.map { FileStat(kind: .regular, mode: $0.mode, owner: $0.owner, size: $0.contents.count) }
        }
        return try base.stat(path)
    }

    func writeFile(_ path: String, contents: Data, mode: FileMode, owner: FileOwner) throws {
        preconditionFailure("a plan never writes \(path): steps return changes instead")
    }

    func removeFile(_ path: String) throws {
        preconditionFailure("a plan never removes \(path): steps return changes instead")
    }

    func listDirectory(_ path: String) throws -> [String]? {
        let existing = try base.listDirectory(path)
        var names = Set(existing ?? [])
        let prefix = path.hasSuffix("/") ? path : path + "/"
        for (file, planned) in files where file.hasPrefix(prefix) && !file.dropFirst(prefix.count).contains("/") {
            let name = String(file.dropFirst(prefix.count))
            if planned == nil { names.remove(name) } else { names.insert(name) }
        }
        return names.isEmpty && existing == nil ? nil : names.sorted()
    }

    func readKey(_ key: String, inFile path: String) throws -> String? {
        if let planned = keys[path]?[key] { return planned }
        return try base.readKey(key, inFile: path)
    }

    func writeKey(_ key: String, value: String?, inFile path: String) throws {
        preconditionFailure("a plan never writes \(key): steps return changes instead")
    }
}
