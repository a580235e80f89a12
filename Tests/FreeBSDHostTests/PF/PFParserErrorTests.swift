import Foundation
import Testing
@testable import FreeBSDHost

@Suite struct PFParserErrorTests {
    /// The lines `pfctl -nf /etc/pf.conf` would print for `text`; empty when it would load.
    private func pfctlMessages(_ text: String, path: String = "/etc/pf.conf") -> [String] {
        do {
            _ = try PFParser.parse(text: text, path: path)
            return []
        } catch {
            return error.description.components(separatedBy: "\n")
        }
    }

    /// parse.y's check_rulestate on FreeBSD 14 and 15 (pf-conf-facts.md): "ethernet" is in the list.
    private static let order = "Rules must be in order: options, ethernet, normalization, queueing, translation, filtering"

    @Test(arguments: [
        // An unknown keyword.
        ("ext_if = \"vtnet0\"\nfrobnicate all\npass all\n", ["/etc/pf.conf:2: syntax error"]),
        // A keyword misspelt inside a rule.
        ("block all\npass in on vtnet0 proto tcp to port 22 keep stat\n", ["/etc/pf.conf:2: syntax error"]),
        // An unterminated brace on the last line: the statement's line.
        ("block all\npass in proto tcp to port { 22 80\n", ["/etc/pf.conf:2: syntax error"]),
        // An unterminated brace mid-file: a list may span lines, so pfctl stops at the next
        // line's first token that cannot be a port, and skips the rest of that line.
        ("pass in proto tcp to port { 22 80\npass out all\nbogus\n",
         ["/etc/pf.conf:2: syntax error", "/etc/pf.conf:3: syntax error"]),
        // An undefined macro: pfctl's lexer reports it, drops the rest of the line with its
        // newline, and the grammar then reports a syntax error and skips one more line.
        ("block all\npass in on $ext_if all\npass out all\nbogus\n",
         ["/etc/pf.conf:2: macro 'ext_if' not defined", "/etc/pf.conf:2: syntax error",
          "/etc/pf.conf:4: syntax error"]),
        // A macro used before its definition.
        ("pass in on $ext_if all\n\next_if = \"vtnet0\"\n",
         ["/etc/pf.conf:1: macro 'ext_if' not defined", "/etc/pf.conf:1: syntax error"]),
        // Translation after filtering.
        ("pass all\nnat on vtnet0 from 192.168.0.0/16 to any -> (vtnet0)\n", ["/etc/pf.conf:2: \(order)"]),
        // An option after a rule, and after normalization.
        ("block all\nset block-policy return\n", ["/etc/pf.conf:2: \(order)"]),
        ("scrub in all\nset skip on lo0\n", ["/etc/pf.conf:2: \(order)"]),
        // Normalization after translation.
        ("nat on vtnet0 from any to any -> (vtnet0)\nscrub in all\n", ["/etc/pf.conf:2: \(order)"]),
        // Statements a pfctl would accept in other positions or forms.
        ("pass in proto tcp to port sshh\n", ["/etc/pf.conf:1: unknown port sshh"]),
        ("pass in proto tcp to port 70000\n", ["/etc/pf.conf:1: illegal port value 70000"]),
        ("pass in proto tpc all\n", ["/etc/pf.conf:1: unknown protocol tpc"]),
        ("pass in to port 22\n", ["/etc/pf.conf:1: port only applies to tcp/udp"]),
        ("pass inet proto icmp icmp-type echorequest\n", ["/etc/pf.conf:1: unknown icmp-type echorequest"]),
        ("nat on vtnet0 from any to any\n", ["/etc/pf.conf:1: translation rule requires '-> address'"]),
        ("set frobnicate yes\n", ["/etc/pf.conf:1: syntax error"]),
        ("pass = \"x\"\n", ["/etc/pf.conf:1: syntax error"]),
    ])
    func messagesMatchPfctl(text: String, expected: [String]) {
        #expect(pfctlMessages(text) == expected)
    }

    @Test func everyErrorIsReportedInFileOrderAndLaterStatementsAreStillChecked() {
        let text = """
        set skip on lo0
        pass all
        set block-policy drop
        bogus line
        pass in proto tcp to port nosuch
        nat on vtnet0 from any to any -> (vtnet0)
        pass out all keep state

        """
        #expect(pfctlMessages(text) == [
            "/etc/pf.conf:3: \(Self.order)",
            "/etc/pf.conf:4: syntax error",
            "/etc/pf.conf:5: unknown port nosuch",
            "/etc/pf.conf:6: \(Self.order)",
        ])
    }

    @Test func errorsNameTheLineOfTheContinuationWherePfctlStops() {
        let text = "block all\npass in on vtnet0 \\\n    proto tcp to port 22 \\\n    keep stat\n"
        #expect(pfctlMessages(text) == ["/etc/pf.conf:4: syntax error"])
    }

    @Test func orderErrorMatchesTheRecordedPfctlOutput() throws {
        let recorded = try ParserFixture.text("pfctl-rules-order-error.stderr.txt").trimmingCharacters(in: .newlines)
        let lines = PFSampleRulesets.firstboot.components(separatedBy: "\n")
        // Line 12 becomes a `set` after the filter rules have started.
        var moved = lines.filter { $0 != "set block-policy drop" }
        moved.insert("pass out all", at: 10)
        moved.insert("set block-policy drop", at: 11)
        #expect(pfctlMessages(moved.joined(separator: "\n")).first == recorded)
    }

    @Test func syntaxErrorMatchesTheRecordedFormatForStdin() throws {
        let recorded = try ParserFixture.text("pfctl-f-syntax-error-stdin.stderr.txt").components(separatedBy: "\n")[0]
        #expect(pfctlMessages("block all\nnot a rule\n", path: "stdin") == [recorded])
    }

    @Test func requireOrderNoAcceptsAnyOrder() throws {
        let text = """
        set require-order no
        pass all
        nat on vtnet0 from 192.168.0.0/16 to any -> (vtnet0)
        scrub in all
        set skip on lo0

        """
        let ruleset = try PFParser.parse(text: text, path: "/etc/pf.conf")
        #expect(ruleset.filterRules.count == 1 && ruleset.natRules.count == 1 && ruleset.scrubRules.count == 1)
        #expect(ruleset.options.first?.setting == .requireOrder(false))
    }

    @Test func macrosAndTablesMayAppearAnywhere() throws {
        let text = """
        set skip on lo0
        pass all
        table <late> persist
        late_if = "warden0"
        pass on $late_if from <late>

        """
        let ruleset = try PFParser.parse(text: text, path: "/etc/pf.conf")
        #expect(ruleset.tables.map(\.name) == ["late"])
        #expect(ruleset.filterRules.count == 2)
    }

    @Test func deeplyNestedListsAreRefusedNotRecursedForever() {
        let text = "pass from " + String(repeating: "{ ", count: 100_000) + "10.0.0.1\n"
        #expect(pfctlMessages(text) == ["/etc/pf.conf:1: syntax error"])
    }

    @Test(arguments: ["pass in on vtnet0 all\r\n", "pass in on vtnet0 \"unterminated\n", "\u{1}\n", "pass ()\n", "{\n"])
    func malformedInputIsRefusedWithoutCrashing(text: String) {
        #expect(!pfctlMessages(text).isEmpty)
    }
}
