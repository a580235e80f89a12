import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import FreeBSDHost

/// The host profile's golden files (`Golden/profile/*.json`, and every bundled profile in
/// `plans/hosts`): a good one reads, and the profile written again reads back the same; a
/// damaged one is refused with the message in `NAME.expected-error` beside it.
/// `CLAWDIE_REGENERATE_GOLDEN=1` rewrites the expected files from what the reader says
/// (review the diff).
@Suite struct ProfileGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden/profile").path
    static let names = jsonFiles(in: folder)
    static let bundled = jsonFiles(in: RepositoryRoot.path + "/plans/hosts")

    static func jsonFiles(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func theGoodFileUsesEveryField() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/every-field.json"))
        let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys
        #expect(Set(keys) == HostProfile.jsonKeys)
        let profile = try HostProfile.decode(data, path: "every-field.json")
        #expect(Set(profile.interfaces.map(\.kind)) == [.physical, .loopback, .bridge])
        #expect(profile.tailscale.login != .accepts && profile.tailscale.routeApproval != .approved)
        #expect(profile.rcorderTies == .descending)
    }

    @Test(arguments: names)
    func aGoldenFileReadsAsExpected(name: String) throws {
        let base = Self.folder + "/" + name.dropLast(".json".count)
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        let outcome = Result { try HostProfile.decode(data, path: name) }
        let error = outcome.failureText
        guard try Self.expect(error, asIn: base + ".expected-error") else { return }
        if case .success(let profile) = outcome {
            #expect(try HostProfile.decode(profile.encode(), path: name) == profile)
        }
    }

    /// Expects `error` (nil for a file that reads) to be the message in `path` (none for a good
    /// file); with `CLAWDIE_REGENERATE_GOLDEN=1` writes it there instead and says not to go on.
    static func expect(_ error: String?, asIn path: String) throws -> Bool {
        guard ProcessInfo.processInfo.environment["CLAWDIE_REGENERATE_GOLDEN"] == "1" else {
            #expect(error.map { $0 + "\n" } == (try? String(contentsOfFile: path, encoding: .utf8)))
            return true
        }
        if let error {
            try Data((error + "\n").utf8).write(to: URL(fileURLWithPath: path))
        } else {
            try? FileManager.default.removeItem(atPath: path)
        }
        return false
    }

    @Test(arguments: bundled)
    func aBundledProfileReadsAndRoundTrips(name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: RepositoryRoot.path + "/plans/hosts/" + name))
        let profile = try HostProfile.decode(data, path: name)
        #expect(try HostProfile.decode(profile.encode(), path: name) == profile)
    }
}

extension Result where Failure == any Error {
    /// The error's text, or nil for a success.
    var failureText: String? {
        if case .failure(let error) = self { return "\(error)" }
        return nil
    }
}
