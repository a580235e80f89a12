import FirstbootEngine
import FreeBSDHost
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
import TestSupport
#endif

@Suite struct SystemHostTests {
    /// The owner a test may give files: 1:1 when running as root (so a chown really
    /// happens), else the current user, who cannot give files away.
    private static let testOwner = getuid() == 0 ? FileOwner(uid: 1, gid: 1) : FileOwner(uid: getuid(), gid: getgid())

    /// A host rooted in a fresh temporary directory with an empty /etc.
    private func withHost(_ body: (SystemHost, String) throws -> Void) throws {
        try withTemporaryDirectory { root in
            try DurableFile.makeDirectory(root + "/etc", mode: 0o755)
            try body(SystemHost(root: root), root)
        }
    }

    @Test(arguments: [FileMode(0o555), 0o600, 0o644, 0o4755])
    func writtenFilesHaveExactlyTheModeAndOwner(mode: FileMode) throws {
        try withHost { host, root in
            try host.writeFile("/etc/script", contents: Data("#!/bin/sh\n".utf8), mode: mode, owner: Self.testOwner)
            let status = try #require(try host.stat("/etc/script"))
            #expect(status == FileStat(kind: .regular, mode: mode, owner: Self.testOwner, size: 10))
            #expect(try host.readFile("/etc/script") == Data("#!/bin/sh\n".utf8))
            #expect(FileManager.default.fileExists(atPath: root + "/etc/script"))
        }
    }

    @Test func replacingAFileChangesContentModeAndOwnerAndLeavesNoTemporaryFile() throws {
        try withHost { host, _ in
            try host.writeFile("/etc/pf.conf", contents: Data("old\n".utf8), mode: 0o644, owner: .root)
            try host.writeFile("/etc/pf.conf", contents: Data("new rules\n".utf8), mode: 0o600, owner: Self.testOwner)
            #expect(try host.readFile("/etc/pf.conf") == Data("new rules\n".utf8))
            #expect(try host.stat("/etc/pf.conf")?.mode == 0o600)
            #expect(try host.stat("/etc/pf.conf")?.owner == Self.testOwner)
            #expect(try host.listDirectory("/etc") == ["pf.conf"])
        }
    }

    @Test func writingThroughASymlinkIsRefusedAndChangesNothing() throws {
        try withHost { host, root in
            try host.writeFile("/etc/target", contents: Data("original\n".utf8), mode: 0o644, owner: .root)
            #expect(symlink(root + "/etc/target", root + "/etc/link") == 0)
            let error = #expect(throws: HostError.self) {
                try host.writeFile("/etc/link", contents: Data("evil\n".utf8), mode: 0o644, owner: .root)
            }
            #expect(error?.message.contains("symbolic link") == true)
            #expect(try host.stat("/etc/link")?.kind == .symlink)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/etc/link") == root + "/etc/target")
            #expect(try host.readFile("/etc/target") == Data("original\n".utf8))
            #expect(try host.listDirectory("/etc") == ["link", "target"])
        }
    }

    @Test func aFailedWriteLeavesNothingBehind() throws {
        try withHost { host, root in
            try host.writeFile("/etc/plain", contents: Data("x".utf8), mode: 0o644, owner: .root)
            #expect(throws: HostError.self) {
                try host.writeFile("/etc/plain/dir/file", contents: Data("x".utf8), mode: 0o644, owner: .root)
            }
            try DurableFile.makeDirectory(root + "/etc/rc.conf.d", mode: 0o755)
            #expect(throws: HostError.self) {
                try host.writeFile("/etc/rc.conf.d", contents: Data("x".utf8), mode: 0o644, owner: .root)
            }
            #expect(try host.listDirectory("/etc") == ["plain", "rc.conf.d"])
            #expect(try host.listDirectory("/etc/rc.conf.d") == [])
        }
    }

    @Test func missingThingsAreNilNotErrors() throws {
        try withHost { host, _ in
            #expect(try host.readFile("/etc/absent") == nil)
            #expect(try host.stat("/etc/absent") == nil)
            #expect(try host.listDirectory("/usr/local/etc/rc.d") == nil)
            // A path under a regular file cannot exist either.
            try host.writeFile("/etc/file", contents: Data(), mode: 0o644, owner: .root)
            #expect(try host.readFile("/etc/file/child") == nil)
            #expect(try host.stat("/etc/file/child") == nil)
            try host.removeFile("/etc/absent")
            try host.removeFile("/etc/file/child")
        }
    }

    @Test func removeFileRemovesFilesAndLinksButRefusesDirectories() throws {
        try withHost { host, root in
            try host.writeFile("/etc/old", contents: Data("x".utf8), mode: 0o644, owner: .root)
            #expect(symlink(root + "/etc/old", root + "/etc/link") == 0)
            try host.removeFile("/etc/link")
            #expect(try host.listDirectory("/etc") == ["old"])
            try host.removeFile("/etc/old")
            #expect(try host.listDirectory("/etc") == [])
            let error = #expect(throws: HostError.self) { try host.removeFile("/etc") }
            #expect(error?.message.contains("directory") == true)
            #expect(try host.stat("/etc")?.kind == .directory)
        }
    }

    @Test func statTellsKindsApart() throws {
        try withHost { host, root throws in
            #expect(symlink("/nowhere", root + "/etc/dangling") == 0)
            #expect(mkfifo(root + "/etc/fifo", 0o600) == 0)
            #expect(try host.stat("/etc/dangling")?.kind == .symlink)
            #expect(try host.stat("/etc/fifo")?.kind == .other)
            #expect(try host.stat("/etc")?.kind == .directory)
            // A dangling link reads as nothing: there is no file behind it.
            #expect(try host.readFile("/etc/dangling") == nil)
        }
    }

    @Test func listingsAreSortedByteWiseWithoutDotEntries() throws {
        try withHost { host, _ in
            for name in ["pf.conf", "Zeta", "rc.conf", ".hidden", "a b"] {
                try host.writeFile("/etc/" + name, contents: Data(), mode: 0o644, owner: .root)
            }
            #expect(try host.listDirectory("/etc") == [".hidden", "Zeta", "a b", "pf.conf", "rc.conf"])
            #expect(throws: HostError.self) { try host.listDirectory("/etc/rc.conf") }
        }
    }

    @Test func readingADirectoryIsAnError() throws {
        try withHost { host, _ in
            #expect(throws: HostError.self) { try host.readFile("/etc") }
        }
    }

    @Test func relativePathsAreRefused() throws {
        try withHost { host, _ in
            #expect(throws: HostError.self) { try host.readFile("etc/rc.conf") }
            #expect(throws: HostError.self) {
                try host.writeFile("rc.conf", contents: Data(), mode: 0o644, owner: .root)
            }
        }
    }

    @Test func writeKeyKeepsTheFilesModeOwnerAndOtherLines() throws {
        try withHost { host, _ in
            let original = "# operator's settings\nhostname=\"web1\"\nsshd_enable=\"YES\"  # keep ssh\n"
            try host.writeFile("/etc/rc.conf", contents: Data(original.utf8), mode: 0o640, owner: Self.testOwner)

            try host.writeKey("pf_enable", value: "YES", inFile: "/etc/rc.conf")
            #expect(try host.readKey("pf_enable", inFile: "/etc/rc.conf") == "YES")
            #expect(try host.readKey("hostname", inFile: "/etc/rc.conf") == "web1")
            let edited = String(decoding: try #require(try host.readFile("/etc/rc.conf")), as: UTF8.self)
            #expect(edited == original + "pf_enable=\"YES\"\n")
            #expect(try host.stat("/etc/rc.conf")?.mode == 0o640)
            #expect(try host.stat("/etc/rc.conf")?.owner == Self.testOwner)

            try host.writeKey("pf_enable", value: nil, inFile: "/etc/rc.conf")
            #expect(try host.readFile("/etc/rc.conf") == Data(original.utf8))
            #expect(try host.listDirectory("/etc") == ["rc.conf"])
        }
    }

    @Test func theDefaultRootIsTheRealRoot() throws {
        try withTemporaryDirectory { directory in
            let host = SystemHost()
            try host.writeFile(directory + "/file", contents: Data("x".utf8), mode: 0o600, owner: Self.testOwner)
            #expect(try host.readFile(directory + "/file") == Data("x".utf8))
            #expect(try SystemHost(root: directory + "/").readFile("/file") == Data("x".utf8))
        }
    }

    @Test func commandsAreNotReRooted() throws {
        try withHost { host, _ in
            let result = try host.run(Command(["/bin/echo", "hello"]))
            #expect(result.termination == .exited(0))
            #expect(result.stdoutText == "hello\n")
        }
    }
}
