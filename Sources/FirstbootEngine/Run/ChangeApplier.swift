#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Applies changes to a host and undoes them from their recorded before-state. The only
/// code that mutates a host on the engine's behalf.
struct ChangeApplier {
    var host: any TargetHost
    var journal: Journal
    var observer: (any RunObserver)?

    /// What `change` would replace, read from the host now.
    func capturePrior(of change: Change) throws -> ChangeRecord {
        switch change {
        case .writeFile(let path, let contents, _, _, _):
            return ChangeRecord(target: .file(path), prior: try filePrior(path), afterSHA256: SHA256.hex(contents),
                                createdDirectories: try host.missingDirectories(above: path))
        case .removeFile(let path):
            return ChangeRecord(target: .file(path), prior: try filePrior(path))
        case .setKey(let file, let key, let value):
            return ChangeRecord(target: .key(file: file, key: key), prior: try keyPrior(file: file, key: key), afterValue: value)
        case .unsetKey(let file, let key):
            return ChangeRecord(target: .key(file: file, key: key), prior: try keyPrior(file: file, key: key))
        case .run(let argv, let undo):
            return ChangeRecord(target: .command(argv), prior: .command(undo))
        }
    }

    /// Makes the change. Throws `ChangeFailure` naming the change when it did not happen.
    func perform(_ change: Change) throws {
        switch change {
        case .writeFile(let path, let contents, let mode, let owner, let validate):
            if let validate {
                try validateCandidate(path: path, contents: contents, mode: mode, owner: owner, validator: validate)
            }
            try host.writeFile(path, contents: contents, mode: mode, owner: owner)
        case .removeFile(let path):
            try host.removeFile(path)
        case .setKey(let file, let key, let value):
            try host.writeKey(key, value: value, inFile: file)
        case .unsetKey(let file, let key):
            try host.writeKey(key, value: nil, inFile: file)
        case .run(let argv, _):
            try runChecked(argv)
        }
    }

    /// Puts a file or key back as recorded. Commands are handled by `undoCommand`.
    func restore(_ record: ChangeRecord) throws {
        switch (record.target, record.prior) {
        case (.file(let path), .fileAbsent):
            try host.removeFile(path)
            // Innermost first; one that has gained other entries since is left in place.
            for directory in record.createdDirectories.reversed() where try host.listDirectory(directory)?.isEmpty == true {
                try host.removeDirectory(directory)
            }
        case (.file(let path), .file(let content, let mode, let owner)):
            try host.writeFile(path, contents: try journal.load(content), mode: mode, owner: owner)
        case (.key(let file, let key), .keyUnset):
            try host.writeKey(key, value: nil, inFile: file)
        case (.key(let file, let key), .key(let value)):
            try host.writeKey(key, value: value, inFile: file)
        default:
            break
        }
    }

    /// Runs `argv` and throws when it fails — unless its output contains
    /// `acceptingFailureWith`, which says the wanted state is already there.
    func runChecked(_ argv: [String], acceptingFailureWith accepted: String? = nil) throws {
        let command = Command(argv)
        observer?.commandStarted(argv, timeout: command.timeout)
        let result = try host.run(command, tickEvery: 1) { seconds in
            observer?.commandRunning(argv, seconds: seconds, timeout: command.timeout)
        }
        if let accepted, !result.succeeded, (result.stderrText + result.stdoutText).contains(accepted) { return }
        guard result.succeeded else {
            throw ChangeFailure("`\(Command.display(argv))` failed (\(result.termination)): \(result.firstErrorLine)")
        }
    }

    private func validateCandidate(path: String, contents: Data, mode: FileMode, owner: FileOwner, validator: [String]) throws {
        let candidate = DurableFile.parentDirectory(of: path) + "/." + PathName.lastComponent(of: path) + ".candidate"
        try host.writeFile(candidate, contents: contents, mode: mode, owner: owner)
        defer { try? host.removeFile(candidate) }
        let argv = validator.map { $0 == "{}" ? candidate : $0 }
        let result = try host.run(Command(argv))
        guard result.succeeded else {
            let detail = result.stderrText.split(separator: "\n").map { line in
                line.replacingEvery(candidate, with: path)
            }.joined(separator: "; ")
            throw ChangeFailure("the new \(path) does not pass `\(Command.display(validator.map { $0 == "{}" ? path : $0 }))`: \(detail.isEmpty ? result.termination.description : detail); \(path) was left unchanged")
        }
    }

    private func filePrior(_ path: String) throws -> PriorState {
        guard let status = try host.stat(path) else { return .fileAbsent }
        guard status.kind == .regular else {
            throw ChangeFailure("\(path) is a \(status.kind.rawValue), not a regular file; move it aside and run again")
        }
        guard let data = try host.readFile(path) else { return .fileAbsent }
        return .file(content: try journal.store(data), mode: status.mode, owner: status.owner)
    }

    private func keyPrior(file: String, key: String) throws -> PriorState {
        try host.readKey(key, inFile: file).map(PriorState.key) ?? .keyUnset
    }
}

/// A change that could not be made, in one line. The error it was made from, if any, is kept
/// as `cause`; it does not print.
package struct ChangeFailure: OneLineError {
    package var message: String
    package var cause: (any Error)?
    package init(_ message: String, cause: (any Error)? = nil) {
        self.message = message
        self.cause = cause
    }
}
