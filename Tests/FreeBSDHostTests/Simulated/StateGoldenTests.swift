import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// The simulated host state's golden files (`Golden/state/*.json`): a good one reads, and the
/// state written again reads back the same; a damaged one is refused with the message in
/// `NAME.expected-error` beside it: the one a user sees and, where that only says the file is
/// damaged, the reader's own reason on the next line. `CLAWDIE_REGENERATE_GOLDEN=1` rewrites
/// the expected files from what the reader says (review the diff).
@Suite struct StateGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden/state").path
    static let names = ProfileGoldenTests.jsonFiles(in: folder)

    /// Why the reader refuses `data`, or nil if it reads it.
    static func refusal(_ data: Data, name: String) -> String? {
        do {
            _ = try SimulatedHost.decodeState(data, path: name)
            return nil
        } catch {
            var lines = ["\(error)"]
            do {
                _ = try SimulatedState(json: JSONFields(JSONValue.parse(data)))
            } catch let reason {
                if lines[0].hasSuffix("it is damaged; remove it to start again from the profile") { lines.append("\(reason)") }
            }
            return lines.joined(separator: "\n")
        }
    }

    @Test func theGoodFileHasEveryMember() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/every-member.json"))
        let state = try SimulatedHost.decodeState(data, path: "every-member.json")
        let written = try #require(try JSONSerialization.jsonObject(with: JSONCoding.document(state)) as? [String: Any])
        let given = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(given.keys) == Set(written.keys))
        #expect(state.defaultRoute != nil && state.initialRoute != nil && state.tailscale.settings?.isEmpty == false)
        #expect(!state.clonedEthers.isEmpty && !state.faultsFired.isEmpty && state.pf.loadedText != nil)
    }

    @Test(arguments: names)
    func aGoldenFileReadsAsExpected(name: String) throws {
        let base = Self.folder + "/" + name.dropLast(".json".count)
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        let error = Self.refusal(data, name: name)
        guard try ProfileGoldenTests.expect(error, asIn: base + ".expected-error") else { return }
        guard error == nil else { return }
        let state = try SimulatedHost.decodeState(data, path: name)
        #expect(try SimulatedHost.decodeState(JSONCoding.document(state), path: name) == state)
    }
}
