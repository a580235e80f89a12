import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import FreeBSDHost

/// Writes a file at `path` unless it is there with these bytes.
private struct InstallScript: Step {
    let id: StepID = "install-script"
    let phase: Phase = "test"
    let requires: [StepID] = []
    let reversibility = Reversibility.reversible
    let path: String

    func checkPreconditions(in context: StepContext) throws {}
    func changes(in context: StepContext) throws -> [Change] {
        try context.host.readFile(path) == Data("#!/bin/sh\n".utf8) ? [] : [.writeFile(path: path, contents: Data("#!/bin/sh\n".utf8), mode: 0o555, owner: .root, validate: nil)]
    }
    func verify(in context: StepContext) throws {}
    func summary(in context: StepContext) throws -> String? { nil }
}

/// On a fresh FreeBSD install /usr/local/etc/rc.d may not exist yet. Both hosts create the
/// missing directories of a write as hier(7) has them (0755 root:wheel); the journal records
/// them, so a rollback removes them again.
@Suite struct SystemHostParentDirectoryTests {
    @Test func aWriteIntoAMissingDirectoryCreatesItAndRollbackRemovesIt() throws {
        try withTemporaryDirectory { root in
            try FileManager.default.createDirectory(atPath: root + "/etc", withIntermediateDirectories: true)
            let state = root + "/state"
            let host = SystemHost(root: root)
            let engine = Engine(steps: [InstallScript(path: "/usr/local/etc/rc.d/x")], host: host, stateDirectory: state,
                                toolVersion: "test", settingsDigest: "d")
            _ = try engine.apply()
            for directory in ["/usr", "/usr/local", "/usr/local/etc", "/usr/local/etc/rc.d"] {
                let status = try #require(try host.stat(directory))
                #expect(status.kind == .directory && status.mode == 0o755)
                if geteuid() == 0 { #expect(status.owner == .root) }
            }
            #expect(try host.stat("/usr/local/etc/rc.d/x")?.mode == 0o555)
            let journal = try String(contentsOfFile: state + "/journal.jsonl", encoding: .utf8)
            #expect(journal.contains(#""created_directories":["/usr","/usr/local","/usr/local/etc","/usr/local/etc/rc.d"]"#))

            _ = try engine.rollback(.everything)
            #expect(try host.stat("/usr") == nil)
            #expect(try host.listDirectory("/") == ["etc", "state"])
        }
    }

    @Test func rollbackKeepsACreatedDirectoryThatGainedOtherFiles() throws {
        try withTemporaryDirectory { root in
            let host = SystemHost(root: root)
            let engine = Engine(steps: [InstallScript(path: "/usr/local/etc/rc.d/x")], host: host, stateDirectory: root + "/state",
                                toolVersion: "test", settingsDigest: "d")
            _ = try engine.apply()
            try host.writeFile("/usr/local/etc/other.conf", contents: Data(), mode: 0o644, owner: .root)
            _ = try engine.rollback(.everything)
            #expect(try host.stat("/usr/local/etc/rc.d") == nil)
            #expect(try host.listDirectory("/usr/local/etc") == ["other.conf"])
        }
    }
}
