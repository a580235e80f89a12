import Foundation
import Testing
import TestSupport
@testable import ClawdieFirstboot

/// tools/package/clawdie-firstboot.conf.sample, which the install layout ships, is generated from the key
/// table: `CLAWDIE_REGENERATE_GOLDEN=1 swift test --filter SampleConfigurationTests` rewrites it.
@Suite struct SampleConfigurationTests {
    static let path = "tools/package/clawdie-firstboot.conf.sample"

    @Test func theShippedSampleIsTheKeyTables() throws {
        if ProcessInfo.processInfo.environment["CLAWDIE_REGENERATE_GOLDEN"] == "1" {
            try Settings.sampleText.write(toFile: RepositoryRoot.path + "/" + Self.path, atomically: true, encoding: .utf8)
        }
        #expect(try RepositoryRoot.read(Self.path) == Settings.sampleText, "\(Self.path) is out of date; regenerate it")
    }

    @Test func everyKeyIsInTheSampleAndUncommentedItGivesTheDefaults() throws {
        let assignments = Settings.sampleText.split(separator: "\n").filter { $0.hasPrefix("#") && $0.contains("=") && !$0.hasPrefix("# ") }
        #expect(assignments.count == SettingKey.allCases.count)
        for key in SettingKey.allCases {
            #expect(assignments.contains { $0.hasPrefix("#\(key.rawValue)=") }, "\(key.rawValue) is not in the sample")
        }
        // Keys whose default is "none" are shown empty; the rest must read back as the default.
        let uncommented = assignments.map { $0.dropFirst() }.filter { !$0.hasSuffix("=\"\"") }.joined(separator: "\n") + "\n"
        #expect(try Settings.parse(uncommented, path: Self.path) == Settings())
    }
}
