#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The durable, append-only record of what the tool did to the host.
///
/// JSON Lines in `<state dir>/journal.jsonl`, one record per event, each fsynced before the
/// next action. Opening it validates every line: a torn final line (a power cut mid-write)
/// is dropped with a warning and cut off before the next append; any other damage is
/// refused with one message and nothing is changed. Old file contents larger than
/// `inlineLimit` are kept in `<state dir>/backups/<sha256>`, written durably before the
/// record that refers to them.
package final class Journal {
    package static let fileName = "journal.jsonl"
    package static let backupDirectory = "backups"
    /// File contents up to this size are kept inline in the record.
    package static let inlineLimit = 4096

    package let directory: String
    package var path: String { directory + "/" + Self.fileName }
    package private(set) var records: [JournalRecord]
    /// Messages about what was tolerated while reading (a torn final line).
    package private(set) var warnings: [String]

    private var validLength: Int
    private var fileLength: Int
    private let failPoint: FailPoint?
    private let io: any DurableIO
    private var durableWrites = 0
    /// Set by the first append that failed; no record is taken after it.
    private var writeFailure: JournalWriteFailure?

    /// Reads and validates the journal in `directory` (an absent journal is empty).
    ///
    /// - Parameter knownSteps: the step ids this binary has; a record naming another id
    ///   means a different (newer) binary wrote it, and the journal is refused.
    /// - Throws: `JournalError` for any damage other than a torn final line.
    package init(directory: String, knownSteps: Set<StepID>, failPoint: FailPoint? = nil,
                 io: any DurableIO = SystemIO.shared) throws {
        self.directory = directory
        self.failPoint = failPoint
        self.io = io
        let path = directory + "/" + Self.fileName
        try StateDirectoryTrust.check(directory, directory: true)
        try StateDirectoryTrust.checkEntries(of: directory + "/" + Self.backupDirectory)
        let data: Data
        let fd = try StateDirectoryTrust.open(path, flags: O_RDONLY)
        if fd >= 0 {
            defer { close(fd) }
            guard let contents = Self.readAll(fd) else {
                throw JournalError(path: path, line: nil, reason: "cannot be read: \(errnoText())")
            }
            data = contents
        } else if errno == ENOENT {
            data = Data()
        } else {
            throw JournalError(path: path, line: nil, reason: "cannot be opened: \(errnoText())")
        }
        (records, warnings, validLength) = try Self.parse(data, path: path, knownSteps: knownSteps)
        fileLength = data.count
    }

    /// Appends one record durably and returns it. After the write, a configured fail point
    /// may end the process here.
    ///
    /// - Throws: `JournalWriteFailure` when the record did not land whole (the file is cut
    ///   back to what it was), and for every append after that one.
    @discardableResult
    package func append(_ event: JournalEvent, time: Double, startedAt: Double? = nil) throws -> JournalRecord {
        if let writeFailure { throw writeFailure }
        if validLength != fileLength {
            try cutTornTail()
        }
        let record = JournalRecord(seq: (records.last?.seq ?? -1) + 1, timeMilliseconds: JournalRecord.milliseconds(time),
                                   startedMilliseconds: startedAt.map(JournalRecord.milliseconds), event: event)
        var line = try JSONCoding.line(record)
        line.append(0x0A)
        try DurableFile.makeDirectory(directory)
        try StateDirectoryTrust.check(directory, directory: true)
        do {
            try DurableFile.append(path, contents: line, io: io)
        } catch let error as HostError {
            let failure = JournalWriteFailure(path: path, reason: error.message)
            writeFailure = failure
            throw failure
        }
        records.append(record)
        validLength += line.count
        fileLength = validLength
        durableWrites += 1
        try failPoint?.reached(durableWrites)
        return record
    }

    /// Keeps `data` for a later restore: inline when small, else in a durable backup file
    /// named by its digest.
    package func store(_ data: Data) throws -> StoredContent {
        if let writeFailure { throw writeFailure }
        if data.count <= Self.inlineLimit { return .inline(data) }
        let digest = SHA256.hex(data)
        let backups = directory + "/" + Self.backupDirectory
        let backupPath = backups + "/" + digest
        if (try? readBackup(backupPath)).map({ SHA256.hex($0) == digest }) != true {
            try DurableFile.makeDirectory(backups, mode: 0o700)
            try StateDirectoryTrust.check(backups, directory: true)
            do {
                try DurableFile.replace(backupPath, contents: data, mode: 0o600, io: io)
            } catch let error as HostError {
                // The backup is written by rename, so nothing half-written is left; but the
                // disk that refused it will refuse the records too: stop the same way.
                let failure = JournalWriteFailure(path: backupPath, reason: error.message)
                writeFailure = failure
                throw failure
            }
        }
        return .backup(sha256: digest, size: data.count)
    }

    /// The bytes of stored content; a backup that is missing or altered is an error.
    package func load(_ content: StoredContent) throws -> Data {
        switch content {
        case .inline(let data):
            return data
        case .backup(let digest, _):
            let backupPath = directory + "/" + Self.backupDirectory + "/" + digest
            guard let data = try readBackup(backupPath), SHA256.hex(data) == digest else {
                throw JournalError(path: backupPath, line: nil, reason: "is missing or does not match its digest; the old contents cannot be restored")
            }
            return data
        }
    }

    /// Cuts the torn final line off through a descriptor opened without following links, so
    /// a symbolic link put in the journal's place cannot make it truncate another file.
    private func cutTornTail() throws {
        let fd = try StateDirectoryTrust.open(path, flags: O_WRONLY)
        guard fd >= 0 else {
            throw JournalError(path: path, line: nil, reason: "cannot be opened to cut off its torn final line: \(errnoText())")
        }
        defer { close(fd) }
        guard ftruncate(fd, off_t(validLength)) == 0, io.fsync(fd) == 0 else {
            throw JournalError(path: path, line: nil, reason: "its torn final line cannot be cut off: \(errnoText())")
        }
        fileLength = validLength
    }

    /// A backup's bytes, or nil when there is none; refuses one that others could have written.
    private func readBackup(_ path: String) throws -> Data? {
        let fd = try StateDirectoryTrust.open(path, flags: O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return Self.readAll(fd)
    }

    /// Everything from `fd` to its end, or nil on a read error.
    private static func readAll(_ fd: Int32) -> Data? {
        var contents = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { bytes in retryingEINTR { read(fd, bytes.baseAddress, bytes.count) } }
            if count < 0 { return nil }
            if count == 0 { return contents }
            contents.append(contentsOf: buffer[..<count])
        }
    }

    /// The records of a journal's bytes, the warnings about them and the length of the part
    /// used (a torn final line is left out); `path` only names the journal in errors.
    static func parse(_ data: Data, path: String, knownSteps: Set<StepID>) throws -> ([JournalRecord], [String], Int) {
        var records: [JournalRecord] = []
        var warnings: [String] = []
        var offset = 0
        var lineNumber = 0
        let bytes = [UInt8](data)
        while offset < bytes.count {
            lineNumber += 1
            guard let newline = bytes[offset...].firstIndex(of: 0x0A) else {
                // No newline: the append that wrote this was cut short, so the action it
                // announced never happened. Dropping it is always safe.
                warnings.append("\(path): ignoring a torn final line \(lineNumber) (an interrupted write)")
                return (records, warnings, offset)
            }
            guard newline - offset <= InputLimits.journalLine else {
                throw JournalError(path: path, line: lineNumber, reason: "is longer than \(InputLimits.journalLine) bytes, more than any record this tool writes")
            }
            let record: JournalRecord
            do {
                record = try JournalRecord(jsonLine: bytes[offset..<newline])
            } catch let error as JournalFormatError {
                throw JournalError(path: path, line: lineNumber, reason: error.description)
            } catch let error as JSONParseError {
                throw JournalError(path: path, line: lineNumber, reason: "is not a valid journal record (\(error.description))")
            } catch {
                throw JournalError(path: path, line: lineNumber, reason: "is not a valid journal record")
            }
            if let step = record.event.step, !knownSteps.contains(step) {
                throw JournalError(path: path, line: lineNumber, reason: "names step \"\(step)\", which this binary does not know; a newer clawdie-firstboot wrote it — install that version")
            }
            if let last = records.last, record.seq != last.seq + 1 {
                throw JournalError(path: path, line: lineNumber, reason: "is out of sequence (seq \(record.seq) after \(last.seq))")
            }
            records.append(record)
            offset = newline + 1
        }
        return (records, warnings, offset)
    }
}

/// A journal that cannot be used. Nothing was changed when this is thrown.
package struct JournalError: Error, Hashable, Sendable, CustomStringConvertible {
    package var path: String
    package var line: Int?
    package var reason: String

    package var description: String {
        let place = line.map { "\(path) line \($0)" } ?? path
        return "journal \(place) \(reason); nothing was changed — move the journal aside to start over, or restore it from a backup"
    }
}
