import FirstbootEngine
import Foundation
import FreeBSDHost
import Testing
@testable import ClawdieFirstboot

/// A host that reports one directory with another owner and mode than the host it wraps.
final class LooseDirectoryHost: TargetHost {
    let base: any TargetHost
    let directory: String
    let status: FileStat

    init(_ base: any TargetHost, directory: String, status: FileStat) {
        self.base = base
        self.directory = directory
        self.status = status
    }

    func run(_ command: Command) throws -> CommandResult { try base.run(command) }
    func readFile(_ path: String) throws -> Data? { try base.readFile(path) }
    func stat(_ path: String) throws -> FileStat? { path == directory ? status : try base.stat(path) }
    func writeFile(_ path: String, contents: Data, mode: FileMode, owner: FileOwner) throws {
        try base.writeFile(path, contents: contents, mode: mode, owner: owner)
    }
    func removeFile(_ path: String) throws { try base.removeFile(path) }
    func listDirectory(_ path: String) throws -> [String]? { try base.listDirectory(path) }
    func readKey(_ key: String, inFile path: String) throws -> String? { try base.readKey(key, inFile: path) }
    func writeKey(_ key: String, value: String?, inFile path: String) throws { try base.writeKey(key, value: value, inFile: path) }
}

/// tailscale opens the auth key file after the check: a directory on its path that someone
/// else could write would let them swap the file in between, so such a path is refused.
@Suite struct TailscaleKeyDirectoryTests {
    static let cases: [(String, FileStat)] = [
        ("/usr/local/etc", FileStat(kind: .directory, mode: 0o777, owner: .root, size: 512)),
        ("/usr/local", FileStat(kind: .directory, mode: 0o775, owner: FileOwner(uid: 0, gid: 1001), size: 512)),
        ("/usr", FileStat(kind: .directory, mode: 0o755, owner: FileOwner(uid: 1001, gid: 0), size: 512)),
        ("/usr/local/etc", FileStat(kind: .symlink, mode: 0o755, owner: .root, size: 12)),
    ]

    @Test(arguments: cases)
    func aKeyFileUnderADirectoryOthersCanChangeIsRefused(_ directory: String, _ status: FileStat) throws {
        let fixture = try LockdownTests.fixture()
        let host = LooseDirectoryHost(fixture.host, directory: directory, status: status)
        let context = StepContext(host: host, isPlanning: true, completedSteps: [], clock: SystemClock())
        #expect(performing: { _ = try TailscaleUp(settings: fixture.settings).changes(in: context) }, throws: { error in
            guard let refusal = error as? StepRefusal else { return false }
            return refusal.message.contains("lies ") && refusal.message.contains(directory)
        })
    }

    @Test func aKeyFileUnderRootOnlyDirectoriesIsAccepted() throws {
        let fixture = try LockdownTests.fixture()
        let context = StepContext(host: fixture.host, isPlanning: true, completedSteps: [], clock: SystemClock())
        #expect(try TailscaleUp(settings: fixture.settings).changes(in: context).count == 1)
    }
}
