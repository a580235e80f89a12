import FirstbootEngine
import FreeBSDHost
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A host that passes every call through and remembers what was read: the files (with mode
/// and owner) and each command's output. `facts` plans through it, so the profile it writes
/// holds exactly what the plan reads.
final class RecordingHost: TargetHost {
    private let base: any TargetHost
    private(set) var files: [String: (contents: Data, status: FileStat)] = [:]
    private(set) var commands: [[String]: CommandResult] = [:]

    init(over base: any TargetHost) { self.base = base }

    func run(_ command: Command) throws -> CommandResult {
        let result = try base.run(command)
        if commands[command.argv] == nil { commands[command.argv] = result }
        return result
    }

    func readFile(_ path: String) throws -> Data? {
        let data = try base.readFile(path)
        try remember(path, data)
        return data
    }

    /// Only the status: a step that checks a file's mode and owner (the auth key's) never
    /// reads its contents, and neither does the recording.
    func stat(_ path: String) throws -> FileStat? {
        try base.stat(path)
    }

    func writeFile(_ path: String, contents: Data, mode: FileMode, owner: FileOwner) throws {
        preconditionFailure("recording a plan never writes \(path)")
    }

    func removeFile(_ path: String) throws {
        preconditionFailure("recording a plan never removes \(path)")
    }

    func listDirectory(_ path: String) throws -> [String]? { try base.listDirectory(path) }

    func readKey(_ key: String, inFile path: String) throws -> String? {
        guard let data = try readFile(path) else { return nil }
        return RCConfDocument.value(of: key, inBytes: [UInt8](data))
    }

    func writeKey(_ key: String, value: String?, inFile path: String) throws {
        preconditionFailure("recording a plan never writes \(key)")
    }

    private func remember(_ path: String, _ data: Data?) throws {
        guard let data, files[path] == nil, let status = try base.stat(path) else { return }
        files[path] = (data, status)
    }
}
