import Foundation
import Testing
import TestSupport
@testable import FirstbootEngine

/// A state directory, journal or backup that someone else could have written is refused
/// before anything is read from it, so a crafted journal cannot make rollback "restore" a
/// file of the attacker's choosing.
@Suite struct StateDirectoryTrustTests {
    enum Loosening: String, CaseIterable, Sendable {
        case worldWritableDirectory, groupWritableDirectory, directoryOfAnotherUser
        case worldWritableJournal, journalOfAnotherUser, worldWritableBackup, backupOfAnotherUser

        var message: String {
            switch self {
            case .worldWritableDirectory, .worldWritableJournal: "is writable by its group and others"
            case .worldWritableBackup: "is writable by others"
            case .groupWritableDirectory: "is writable by its group"
            case .directoryOfAnotherUser, .journalOfAnotherUser, .backupOfAnotherUser: "is owned by uid 4242"
            }
        }

        func apply(to directory: String) throws {
            let backups = directory + "/backups"
            let backup = backups + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: backups).first))
            switch self {
            case .worldWritableDirectory: chmod(directory, 0o777)
            case .groupWritableDirectory: chmod(directory, 0o770)
            case .directoryOfAnotherUser: chown(directory, 4242, 4242)
            case .worldWritableJournal: chmod(directory + "/journal.jsonl", 0o666)
            case .journalOfAnotherUser: chown(directory + "/journal.jsonl", 4242, 4242)
            case .worldWritableBackup: chmod(backup, 0o606)
            case .backupOfAnotherUser: chown(backup, 4242, 4242)
            }
        }
    }

    /// A journal whose first change names another file than the one the run changed, as an
    /// attacker would write it, in a state directory that was loosened.
    @Test(arguments: Loosening.allCases)
    func aStateDirectoryOthersCouldWriteIsRefused(_ loosening: Loosening) throws {
        try #require(geteuid() == 0, "changing a file's owner needs root")
        let (directory, host) = try JournalTests.appliedDirectory()
        var journal = try JournalTests.journalText(directory)
        journal = journal.replacingOccurrences(of: "/usr/local/etc/rc.d/x", with: "/root/.ssh/authorized_keys")
        try JournalTests.writeJournal(directory, journal)
        try loosening.apply(to: directory)
        let before = host.state
        for attempt in [{ _ = try makeEngine(host, directory).rollback(.everything) }, { _ = try makeEngine(host, directory).apply() },
                        { _ = try makeEngine(host, directory).state() }] as [() throws -> Void] {
            #expect(performing: attempt, throws: { error in
                "\(error)".contains(loosening.message) && "\(error)".contains("nothing was changed")
                    && ("\(error)".contains("chmod go-w") || "\(error)".contains("chown"))
            })
        }
        #expect(host.state == before)
        #expect(host.state.files["/root/.ssh/authorized_keys"] == nil)
        #expect(try JournalTests.journalText(directory) == journal)
    }

    /// The torn-tail repair works on a descriptor opened without following links: a
    /// symbolic link in the journal's place is refused and the file it points to is untouched.
    @Test func aSymlinkedJournalIsRefusedAndItsTargetIsNotTruncated() throws {
        let (directory, host) = try JournalTests.appliedDirectory()
        let scratch = try TemporaryDirectory()
        let elsewhere = scratch.path + "/precious"
        let precious = try JournalTests.journalText(directory) + "{\"v\":1,\"seq\":99,\"ty"
        try precious.write(toFile: elsewhere, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: directory + "/journal.jsonl")
        try FileManager.default.createSymbolicLink(atPath: directory + "/journal.jsonl", withDestinationPath: elsewhere)
        #expect(performing: { _ = try makeEngine(host, directory).apply() }, throws: { error in
            "\(error)".contains("journal.jsonl: it is a symbolic link")
        })
        #expect(try String(contentsOfFile: elsewhere, encoding: .utf8) == precious)
    }

    @Test func aStateDirectoryOwnedByRootAndClosedToOthersIsUsed() throws {
        let (directory, host) = try JournalTests.appliedDirectory()
        chmod(directory, 0o700)
        #expect(try makeEngine(host, directory).apply().applied.isEmpty)
        _ = try makeEngine(host, directory).rollback(.everything)
    }
}
