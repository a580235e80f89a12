import FirstbootEngine
import Foundation
import FreeBSDHost
import Testing
import TestSupport

/// tools/install staged into a temporary DESTDIR installs exactly what pkg-plist lists, with
/// the modes it gives. It is given the binary the tests already built, to skip a release build.
@Suite struct InstallLayoutTests {
    /// pkg-plist's entries: path under PREFIX → mode, and which are `@sample`.
    static func plist() throws -> (modes: [String: String], samples: Set<String>) {
        var modes: [String: String] = [:]
        var samples = Set<String>()
        for line in try RepositoryRoot.read("tools/package/pkg-plist").split(separator: "\n") {
            var entry = Substring(line)
            if entry.hasPrefix("@sample") {
                entry = entry.dropFirst("@sample".count)
                samples.insert(String(entry.split(separator: " ").last!))
            } else if entry.hasPrefix("@") {
                entry = entry.dropFirst()
            }
            let parts = entry.split(separator: " ")
            try #require(parts.count == 2 && parts[0].hasPrefix("("), "unexpected pkg-plist line \(line)")
            let mode = try #require(parts[0].dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false).last)
            modes[String(parts[1])] = "0" + mode
        }
        return (modes, samples)
    }

    /// Every file under `root`, relative to it, with its permission bits.
    static func tree(_ root: String) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        while let relative = enumerator.nextObject() as? String {
            var info = stat()
            #expect(lstat(root + "/" + relative, &info) == 0)
            if (info.st_mode & S_IFMT) == S_IFREG { files[relative] = "0" + String(info.st_mode & 0o7777, radix: 8) }
        }
        return files
    }

    @Test func stagingIntoADestdirInstallsWhatThePlistListsWithItsModes() throws {
        let scratch = try TemporaryDirectory()
        let destdir = scratch.path + "/stage"
        var environment = Command.defaultEnvironment
        environment["DESTDIR"] = destdir
        environment["PREFIX"] = "/usr/local"
        let result = try ProcessRunner().run(Command(["/bin/sh", RepositoryRoot.path + "/tools/install", "--binary", Tool.binary],
                                                     environment: environment, timeout: 120))
        #expect(result.succeeded, "\(result.stderrText)")
        let prefix = destdir + "/usr/local"
        let (modes, samples) = try Self.plist()
        #expect(try Self.tree(prefix) == modes)
        #expect(samples == ["etc/clawdie-firstboot.conf.sample"])
        // Nothing outside PREFIX, and the files are the repository's.
        #expect(try FileManager.default.contentsOfDirectory(atPath: destdir) == ["usr"])
        #expect(FileManager.default.contentsEqual(atPath: prefix + "/sbin/clawdie-firstboot", andPath: Tool.binary))
        #expect(FileManager.default.contentsEqual(atPath: prefix + "/man/man8/clawdie-firstboot.8", andPath: RepositoryRoot.path + "/docs/clawdie-firstboot.8"))
        for script in try FileManager.default.contentsOfDirectory(atPath: RepositoryRoot.path + "/rc.d") {
            #expect(FileManager.default.contentsEqual(atPath: prefix + "/etc/rc.d/" + script, andPath: RepositoryRoot.path + "/rc.d/" + script))
        }
    }

    @Test func theNewsyslogEntryRotatesTheBootLogWithoutSignallingAnything() throws {
        let text = try RepositoryRoot.read("tools/package/newsyslog.conf")
        let entries = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: " ") }
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        // logfilename [owner:group] mode count size when flags
        #expect(entry.count == 7)
        #expect(entry[0] == "/var/log/clawdie-firstboot.log")
        #expect(entry[2] == "644")
        #expect(entry[6].contains("N"))
    }

    @Test func aPrefixThatIsNotAbsoluteIsRefused() throws {
        var environment = Command.defaultEnvironment
        environment["PREFIX"] = "usr/local"
        let scratch = try TemporaryDirectory()
        environment["DESTDIR"] = scratch.path
        let result = try ProcessRunner().run(Command(["/bin/sh", RepositoryRoot.path + "/tools/install", "--binary", Tool.binary],
                                                     environment: environment, timeout: 60))
        #expect(result.termination == .exited(64))
        #expect(result.stderrText == "tools/install: PREFIX must be an absolute path, like /usr/local\n")
    }
}
