import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import FreeBSDHost

/// Fixtures and profiles for the simulated host's tests.
enum SimulatedSupport {
    static func plansProfilePath(_ name: String) -> String {
        RepositoryRoot.path + "/plans/hosts/\(name).json"
    }

    static func fixture(_ name: String) throws -> String {
        try ParserFixture.text(name)
    }

    /// A host from one of the plans/hosts profiles, state in memory.
    static func host(_ name: String = "cloud-vm", stateDirectory: String? = nil) throws -> SimulatedHost {
        try SimulatedHost(profilePath: plansProfilePath(name), stateDirectory: stateDirectory)
    }

    /// A host from a profile built in the test.
    static func host(_ profile: HostProfile) throws -> SimulatedHost {
        try SimulatedHost(profile: profile, profilePath: "/nonexistent/test-profile.json", stateDirectory: nil)
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
