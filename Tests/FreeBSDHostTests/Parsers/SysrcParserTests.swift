import Testing
@testable import FreeBSDHost

@Suite struct SysrcParserTests {
    @Test(arguments: [
        ("sysrc-set-pf_enable.txt", SysrcOutput.Change(name: "pf_enable", oldValue: "NO", newValue: "YES")),
        ("sysrc-set-new-var.txt", SysrcOutput.Change(name: "tailscaled_enable", oldValue: "", newValue: "YES")),
        ("sysrc-append-cloned_interfaces.txt", SysrcOutput.Change(name: "cloned_interfaces", oldValue: "", newValue: "bridge0")),
    ])
    func readsTheChangeOfASet(fixture: String, change: SysrcOutput.Change) throws {
        #expect(try SysrcOutput.changes(try ParserFixture.text(fixture)) == [change])
    }

    @Test func readsABatchOfChangesKeepingValuesAsPrinted() throws {
        let output = "gateway_enable: NO -> YES\nifconfig_warden0:  -> inet 192.168.100.1/24 up\nlist: a b -> a\n"
        #expect(try SysrcOutput.changes(output) == [
            SysrcOutput.Change(name: "gateway_enable", oldValue: "NO", newValue: "YES"),
            SysrcOutput.Change(name: "ifconfig_warden0", oldValue: "", newValue: "inet 192.168.100.1/24 up"),
            SysrcOutput.Change(name: "list", oldValue: "a b", newValue: "a"),
        ])
        #expect(try SysrcOutput.changes("").isEmpty)
    }

    @Test func readsQueriedValues() throws {
        #expect(try SysrcOutput.values(try ParserFixture.text("sysrc-query.txt")) == [SysrcOutput.Value(name: "test_enable", value: "NO")])
        #expect(try SysrcOutput.values("pf_rules: /etc/pf.conf\npf_flags: \n") == [
            SysrcOutput.Value(name: "pf_rules", value: "/etc/pf.conf"),
            SysrcOutput.Value(name: "pf_flags", value: ""),
        ])
    }

    @Test func readsTheBareValueOfDashN() throws {
        #expect(try SysrcOutput.value(try ParserFixture.text("sysrc-query-n.derived.txt")) == "NO")
        #expect(try SysrcOutput.value("\n") == "")
        #expect(try SysrcOutput.value("inet 192.168.100.1/24 up\n") == "inet 192.168.100.1/24 up")
    }

    @Test func recognisesAnUnknownVariable() throws {
        #expect(SysrcOutput.unknownVariable(inStderr: try ParserFixture.text("sysrc-unknown-variable.stderr.txt")) == "noexist")
        #expect(SysrcOutput.unknownVariable(inStderr: "sysrc: Exiting due to previous syntax errors\n") == nil)
    }

    @Test func theFileSysrcWritesReadsBackAsRCConf() throws {
        let document = try RCConfDocument(text: try ParserFixture.text("sysrc-file-contents-after-set.txt"), strict: true)
        #expect(document.value(of: "test_enable") == "YES")
    }

    @Test(arguments: [
        ("pf_enable NO -> YES\n", "a line \"name: …\""),
        ("pf_enable: YES\n", "\"name: old -> new\""),
        ("9lives: NO -> YES\n", "a line \"name: …\""),
        ("sysrc: unknown variable 'x'\n", "\"name: old -> new\""),
    ])
    func rejectsMalformedChangeLines(output: String, expected: String) {
        let error = ParserFixture.parseError { _ = try SysrcOutput.changes(output) }
        #expect(error?.expected.contains(expected) == true, "\(String(describing: error))")
        #expect(error?.lineNumber == 1)
    }

    @Test(arguments: ["value-without-name\n", "pf-enable: NO\n"])
    func rejectsMalformedQueryLines(output: String) {
        let error = ParserFixture.parseError { _ = try SysrcOutput.values(output) }
        #expect(error?.expected.contains("rc.conf variable name") == true)
    }

    @Test(arguments: ["", "NO", "NO\nYES\n"])
    func rejectsDashNOutputThatIsNotOneLine(output: String) {
        let error = ParserFixture.parseError { _ = try SysrcOutput.value(output) }
        #expect(error?.expected == "exactly one line holding the value")
    }
}
