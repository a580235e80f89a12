import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// Fixtures, profiles and scratch directories for the simulated host's tests.
enum SimulatedSupport {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func plansProfilePath(_ name: String) -> String {
        repositoryRoot + "/plans/hosts/\(name).json"
    }

    static func fixture(_ name: String) throws -> String {
        try ParserFixture.text(name)
    }

    /// A capture copied from a web page, with its 8-space indents turned back into TABs.
    static func tabbedFixture(_ name: String) throws -> String {
        try fixture(name).split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var rest = Substring(line)
            var prefix = ""
            while rest.hasPrefix("        ") {
                prefix += "\t"
                rest = rest.dropFirst(8)
            }
            return prefix + rest
        }.joined(separator: "\n")
    }

    /// A host from one of the plans/hosts profiles, state in memory.
    static func host(_ name: String = "cloud-vm", stateDirectory: String? = nil) throws -> SimulatedHost {
        try SimulatedHost(profilePath: plansProfilePath(name), stateDirectory: stateDirectory)
    }

    /// A host from a profile built in the test.
    static func host(_ profile: HostProfile) throws -> SimulatedHost {
        try SimulatedHost(profile: profile, profilePath: "/nonexistent/test-profile.json", stateDirectory: nil)
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "simulated-host-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

extension SimulatedHost {
    /// Runs an argv and returns its result; fails the test when the model throws.
    @discardableResult
    func sh(_ argv: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        try run(Command(argv))
    }

    /// Bootstraps pkg on a fresh install, as an operator would: `pkg bootstrap` with
    /// ASSUME_ALWAYS_YES (the shim takes no `-y`, and stdin is never a tty here).
    func bootstrapPkg() throws {
        let result = try sh("/usr/bin/env", "ASSUME_ALWAYS_YES=yes", "/usr/sbin/pkg", "bootstrap")
        precondition(result.succeeded, result.stderrText)
    }

    func write(_ path: String, _ text: String, mode: FileMode = 0o644) throws {
        try writeFile(path, contents: Data(text.utf8), mode: mode, owner: .root)
    }

    func text(_ path: String) throws -> String? {
        try readFile(path).map { String(decoding: $0, as: UTF8.self) }
    }
}
