import Testing
import TestSupport
@testable import FreeBSDHost

/// Output cut short (a full pipe, a killed command) or garbled must give a ParseError or a
/// result, never a crash or another kind of error.
@Suite struct ParserRobustnessTests {
    static let parsers: [(String, @Sendable (String) throws -> Void)] = [
        ("route", { _ = try DefaultRoute.parse($0) }),
        ("ifconfig -l", { _ = try InterfaceList.parse($0) }),
        ("ifconfig", { _ = try IfconfigOutput.parse($0) }),
        ("ifconfig create", { _ = try IfconfigOutput.printedName($0) }),
        ("sysrc set", { _ = try SysrcOutput.changes($0) }),
        ("sysrc query", { _ = try SysrcOutput.values($0) }),
        ("sysrc -n", { _ = try SysrcOutput.value($0) }),
        ("pfctl -s info", { _ = try PFStatus.parse($0) }),
        ("pfctl -T show", { _ = try PFTableOutput.entries($0) }),
        ("pfctl -e", { _ = try PFEnableOutcome.parse(stderr: $0) }),
        ("tailscale status", { _ = try TailscaleStatus.parse($0) }),
        ("pkg info", { _ = try PkgOutput.installedPackages($0) }),
        ("rc.d header", { _ = try RCScriptHeader.parse($0) }),
    ]

    static let samples = [
        "route-get-default-vtnet0.derived.txt", "ifconfig-bridge0-inet-freebsd14.txt", "ifconfig-vtnet0-lo0-freebsd14.txt",
        "sysrc-set-new-var.txt", "pfctl-T-show.txt", "service-pf-status-firstline.txt", "pkg-install-no-match-opnsense.txt",
    ]

    @Test(arguments: samples)
    func everyTruncationOfAFixtureIsHandled(fixture: String) throws {
        let text = try ParserFixture.text(fixture)
        Self.feedEveryPrefix(of: text)
        Self.feedEveryPrefix(of: tabbed(text))
    }

    @Test func everyTruncationOfJSONAndAScriptHeaderIsHandled() {
        Self.feedEveryPrefix(of: TailscaleStatusParserTests.needsLogin)
        Self.feedEveryPrefix(of: "#!/bin/sh\n# PROVIDE: pf_reload\n# REQUIRE: tailscaled \\\n")
    }

    static func feedEveryPrefix(of whole: String) {
        for length in 0...whole.count {
            let cut = String(whole.prefix(length))
            for (name, parse) in parsers {
                do { try parse(cut) } catch is ParseError {} catch {
                    Issue.record("\(name) threw \(error) for \(cut.debugDescription)")
                }
            }
        }
    }
}
