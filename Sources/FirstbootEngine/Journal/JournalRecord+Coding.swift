#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The JSON form of journal records, documented in docs/journal.md. Every key is written
/// explicitly here so the on-disk format never changes by accident with a Swift rename.
extension JournalRecord: Encodable {
    enum Key: String, CodingKey {
        case v, seq, time, type, step, change, error, changes, command, toolVersion = "tool_version"
        case settingsDigest = "settings_digest", phases, boot, steps, succeeded, undoneSeq = "undone_seq", deadline
        case timeMilliseconds = "time_ms", startedMilliseconds = "started_ms"
    }

    enum EventType: String {
        case runStarted = "run-started", stepBegun = "step-begun", changeRecorded = "change-recorded"
        case changeUndone = "change-undone", stepDone = "step-done", stepFailed = "step-failed"
        case stepUndone = "step-undone", rollbackStarted = "rollback-started", runFinished = "run-finished"
        case confirmationRequested = "confirmation-requested", confirmed = "confirmed"
        case confirmationExpired = "confirmation-expired", watcherFailed = "watcher-failed"
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.formatVersion, forKey: .v)
        try c.encode(seq, forKey: .seq)
        try c.encode(time, forKey: .time)
        try c.encode(timeMilliseconds, forKey: .timeMilliseconds)
        try c.encodeIfPresent(startedMilliseconds, forKey: .startedMilliseconds)
        switch event {
        case .runStarted(let start):
            try c.encode(EventType.runStarted.rawValue, forKey: .type)
            try c.encode(start.command, forKey: .command)
            try c.encode(start.toolVersion, forKey: .toolVersion)
            try c.encode(start.settingsDigest, forKey: .settingsDigest)
            try c.encode(start.phases, forKey: .phases)
            try c.encode(start.boot, forKey: .boot)
        case .stepBegun(let step):
            try c.encode(EventType.stepBegun.rawValue, forKey: .type)
            try c.encode(step, forKey: .step)
        case .changeRecorded(let step, let change):
            try c.encode(EventType.changeRecorded.rawValue, forKey: .type)
            try c.encode(step, forKey: .step)
            try c.encode(ChangeRecordJSON(change), forKey: .change)
        case .changeUndone(let step, let seq):
            try c.encode(EventType.changeUndone.rawValue, forKey: .type)
            try c.encode(step, forKey: .step)
            try c.encode(seq, forKey: .undoneSeq)
        case .stepDone(let step, let changes):
            try c.encode(EventType.stepDone.rawValue, forKey: .type)
            try c.encode(step, forKey: .step)
            try c.encode(changes, forKey: .changes)
        case .stepFailed(let step, let error):
            try c.encode(EventType.stepFailed.rawValue, forKey: .type)
            try c.encode(step, forKey: .step)
            try c.encode(error, forKey: .error)
        case .stepUndone(let step):
            try c.encode(EventType.stepUndone.rawValue, forKey: .type)
            try c.encode(step, forKey: .step)
        case .confirmationRequested(let step, let deadline):
            try c.encode(EventType.confirmationRequested.rawValue, forKey: .type)
            try c.encode(step, forKey: .step)
            try c.encode(deadline, forKey: .deadline)
        case .confirmed(let step):
            try c.encode(EventType.confirmed.rawValue, forKey: .type)
            try c.encode(step, forKey: .step)
        case .confirmationExpired(let step):
            try c.encode(EventType.confirmationExpired.rawValue, forKey: .type)
            try c.encode(step, forKey: .step)
        case .watcherFailed(let step, let error):
            try c.encode(EventType.watcherFailed.rawValue, forKey: .type)
            try c.encode(step, forKey: .step)
            try c.encode(error, forKey: .error)
        case .rollbackStarted(let steps):
            try c.encode(EventType.rollbackStarted.rawValue, forKey: .type)
            try c.encode(steps, forKey: .steps)
        case .runFinished(let succeeded, let error):
            try c.encode(EventType.runFinished.rawValue, forKey: .type)
            try c.encode(succeeded, forKey: .succeeded)
            try c.encodeIfPresent(error, forKey: .error)
        }
    }
}

/// Why a journal line is not a record this binary can use.
package enum JournalFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    case newerVersion(Int)
    case unknownType(String)
    case invalid(String)

    package var description: String {
        switch self {
        case .newerVersion(let version):
            "it was written in journal format \(version) by a newer clawdie-firstboot; this binary reads format \(JournalRecord.formatVersion) — install the newer version"
        case .unknownType(let type):
            "unknown record type \"\(type)\""
        case .invalid(let reason):
            reason
        }
    }
}

/// The flat JSON shape of a change record.
struct ChangeRecordJSON: Encodable {
    struct Before: Encodable {
        var exists: Bool?
        var mode: String?
        var owner: String?
        var contentBase64: String?
        var backupSHA256: String?
        var size: Int?
        var set: Bool?
        var value: String?

        enum CodingKeys: String, CodingKey {
            case exists, mode, owner, set, value, size
            case contentBase64 = "content_base64", backupSHA256 = "backup_sha256"
        }
    }

    struct Undo: Encodable {
        enum CodingKeys: String, CodingKey {
            case argv, rerun, nothing, irreversible
            case alreadyUndone = "already_undone"
        }

        var argv: [String]?
        var alreadyUndone: String?
        var rerun: Bool?
        var nothing: Bool?
        var irreversible: String?
    }

    var kind: String
    var path: String?
    var file: String?
    var key: String?
    var argv: [String]?
    var before: Before?
    var afterSHA256: String?
    var after: String?
    var undo: Undo?
    var createdDirectories: [String]?

    enum CodingKeys: String, CodingKey {
        case kind, path, file, key, argv, before, after, undo
        case afterSHA256 = "after_sha256"
        case createdDirectories = "created_directories"
    }

    init(_ record: ChangeRecord) {
        switch record.target {
        case .file(let path): kind = "file"; self.path = path
        case .key(let file, let key): kind = "key"; self.file = file; self.key = key
        case .command(let argv): kind = "command"; self.argv = argv
        }
        afterSHA256 = record.afterSHA256
        after = record.afterValue
        createdDirectories = record.createdDirectories.isEmpty ? nil : record.createdDirectories
        switch record.prior {
        case .fileAbsent:
            before = Before(exists: false)
        case .file(let content, let mode, let owner):
            var b = Before(exists: true, mode: octal(mode), owner: owner.description)
            switch content {
            case .inline(let data): b.contentBase64 = data.base64EncodedString()
            case .backup(let digest, let size): b.backupSHA256 = digest; b.size = size
            }
            before = b
        case .keyUnset:
            before = Before(set: false)
        case .key(let value):
            before = Before(set: true, value: value)
        case .command(let commandUndo):
            switch commandUndo {
            case .command(let argv): undo = Undo(argv: argv)
            case .commandUnlessUndone(let argv, let alreadyUndone): undo = Undo(argv: argv, alreadyUndone: alreadyUndone)
            case .rerunAfterRestore: undo = Undo(rerun: true)
            case .nothing: undo = Undo(nothing: true)
            case .irreversible(let reason): undo = Undo(irreversible: reason)
            }
        }
    }

    func record() throws -> ChangeRecord {
        func missing(_ field: String) -> JournalFormatError {
            .invalid("a \(kind) change record lacks \(field)")
        }
        switch kind {
        case "file":
            guard let path else { throw missing("path") }
            guard let before, let exists = before.exists else { throw missing("before.exists") }
            guard exists else {
                return ChangeRecord(target: .file(path), prior: .fileAbsent, afterSHA256: afterSHA256,
                                    createdDirectories: createdDirectories ?? [])
            }
            guard let modeText = before.mode, let mode = FileMode(modeText, radix: 8) else { throw missing("before.mode") }
            guard let ownerText = before.owner, let owner = Self.owner(ownerText) else { throw missing("before.owner") }
            let content: StoredContent
            if let base64 = before.contentBase64 {
                guard let data = Data(base64Encoded: base64) else { throw missing("valid before.content_base64") }
                content = .inline(data)
            } else if let digest = before.backupSHA256, let size = before.size {
                content = .backup(sha256: digest, size: size)
            } else {
                throw missing("before contents")
            }
            return ChangeRecord(target: .file(path), prior: .file(content: content, mode: mode, owner: owner), afterSHA256: afterSHA256,
                                createdDirectories: createdDirectories ?? [])
        case "key":
            guard let file, let key else { throw missing("file and key") }
            guard let before, let set = before.set else { throw missing("before.set") }
            let prior: PriorState
            if set {
                guard let value = before.value else { throw missing("before.value") }
                prior = .key(value)
            } else {
                prior = .keyUnset
            }
            return ChangeRecord(target: .key(file: file, key: key), prior: prior, afterValue: after)
        case "command":
            guard let argv, !argv.isEmpty else { throw missing("argv") }
            guard let undo else { throw missing("undo") }
            let commandUndo: CommandUndo
            if let undoArgv = undo.argv, let alreadyUndone = undo.alreadyUndone {
                commandUndo = .commandUnlessUndone(undoArgv, alreadyUndone: alreadyUndone)
            } else if let undoArgv = undo.argv { commandUndo = .command(undoArgv) }
            else if undo.rerun == true { commandUndo = .rerunAfterRestore }
            else if undo.nothing == true { commandUndo = .nothing }
            else if let reason = undo.irreversible { commandUndo = .irreversible(reason) }
            else { throw missing("an undo") }
            return ChangeRecord(target: .command(argv), prior: .command(commandUndo))
        default:
            throw JournalFormatError.invalid("unknown change kind \"\(kind)\"")
        }
    }

    private static func owner(_ text: String) -> FileOwner? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let uid = UInt32(parts[0]), let gid = UInt32(parts[1]) else { return nil }
        return FileOwner(uid: uid, gid: gid)
    }
}
