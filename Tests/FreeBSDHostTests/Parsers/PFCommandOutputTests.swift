import Testing
@testable import FreeBSDHost

@Suite struct PFStatusParserTests {
    @Test func readsEnabledFromTheStatusLine() throws {
        // `service pf status` opens with the first line of `pfctl -s info`.
        let status = try PFStatus.parse(try ParserFixture.text("service-pf-status-firstline.txt"))
        #expect(status.enabled)
        #expect(status.statusLine == "Status: Enabled for 0 days 00:00:02           Debug: Urgent")
    }

    @Test func readsDisabled() throws {
        let status = try PFStatus.parse(try ParserFixture.text("pfctl-s-info-disabled-firstline.derived.txt"))
        #expect(!status.enabled)
        #expect(status.statusLine.hasPrefix("Status: Disabled"))
    }

    @Test func readsTheFirstLineOfAFullReport() throws {
        let report = """
        Status: Enabled for 3 days 04:05:06           Debug: Urgent

        State Table                          Total             Rate
          current entries                        4               
          searches                            1234            0.1/s
        Counters
          match                                 56            0.0/s

        """
        #expect(try PFStatus.parse(report).enabled)
    }

    @Test(arguments: [
        "",
        "pf.ko is not loaded\n",
        "pfctl: /dev/pf: No such file or directory\n",
        "Status: Unknown\n",
        "Enabled\n",
        "State Table\nStatus: Enabled for 0 days 00:00:01\n",
    ])
    func rejectsAnythingButAStatusLine(output: String) {
        let error = ParserFixture.parseError { _ = try PFStatus.parse(output) }
        #expect(error?.expected.contains("\"Status: Enabled …\" or \"Status: Disabled\"") == true)
        #expect(error?.description.contains("pfctl -s info") == true)
    }

    @Test func theNoModuleMessageOfServicePFStatusIsNotAStatus() throws {
        let error = ParserFixture.parseError { _ = try PFStatus.parse(try ParserFixture.text("service-pf-status-no-module.derived.txt")) }
        #expect(error?.line == "pf.ko is not loaded")
    }
}

@Suite struct PFTableParserTests {
    @Test func readsTheFixture() throws {
        #expect(try PFTableOutput.entries(try ParserFixture.text("pfctl-T-show.txt")) == ["1.2.3.4"])
    }

    @Test func anEmptyTablePrintsNothing() throws {
        #expect(try PFTableOutput.entries("").isEmpty)
    }

    @Test func keepsNetworksNegationsAndIPv6AsWrittenAndSkipsStatistics() throws {
        let output = """
           10.0.0.0/8
           192.168.100.7
          !192.168.100.9
           2001:db8::/32
        \tCleared:     Thu Jan  1 00:00:00 2026
        \tIn/Block:    [ Packets: 0   Bytes: 0 ]

        """
        #expect(try PFTableOutput.entries(output) == ["10.0.0.0/8", "192.168.100.7", "!192.168.100.9", "2001:db8::/32"])
    }

    @Test func recognisesAMissingTable() throws {
        #expect(PFTableOutput.isMissingTable(stderr: try ParserFixture.text("pfctl-T-table-missing.stderr.txt")))
        #expect(!PFTableOutput.isMissingTable(stderr: try ParserFixture.text("pfctl-T-add.stderr.txt")))
        #expect(!PFTableOutput.isMissingTable(stderr: try ParserFixture.text("pfctl-T-flush.stderr.txt")))
    }

    @Test(arguments: ["pfctl: Table does not exist.\n", "   1.2.3.4 5.6.7.8\n", "   <bruteforce>\n", "1.2.3.4\n"])
    func rejectsLinesThatAreNotOneIndentedEntry(output: String) {
        let error = ParserFixture.parseError { _ = try PFTableOutput.entries(output) }
        #expect(error?.expected.contains("one indented address or network per line") == true)
        #expect(error?.lineNumber == 1)
    }
}

@Suite struct PFEnableOutcomeParserTests {
    @Test(arguments: [
        ("pfctl-e-enabled.stderr.txt", PFEnableOutcome.enabled),
        ("pfctl-e-already-enabled.stderr.txt", PFEnableOutcome.alreadyEnabled),
    ])
    func recognisesBothMessages(fixture: String, outcome: PFEnableOutcome) throws {
        #expect(try PFEnableOutcome.parse(stderr: try ParserFixture.text(fixture)) == outcome)
    }

    @Test func toleratesWarningsAroundTheMessage() throws {
        #expect(try PFEnableOutcome.parse(stderr: "No ALTQ support in kernel\nALTQ related functions disabled\npf enabled\n") == .enabled)
    }

    @Test(arguments: ["", "pfctl: /dev/pf: Permission denied\n", "pf not enabled\n"])
    func rejectsOtherText(stderr: String) {
        let error = ParserFixture.parseError { _ = try PFEnableOutcome.parse(stderr: stderr) }
        #expect(error?.expected == "\"pf enabled\" or \"pfctl: pf already enabled\"")
    }
}
