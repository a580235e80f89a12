import Testing
@testable import FreeBSDHost

@Suite struct RCConfDocumentTests {
    @Test func lastAssignmentWinsAndQuotingIsRead() throws {
        let text = """
        # operator settings
        hostname="web1"
        sshd_enable=YES   # keep ssh
        ifconfig_em0='inet 10.0.0.5/24'
        hostname="web2"

        """
        let document = try RCConfDocument(text: text)
        #expect(document.value(of: "hostname") == "web2")
        #expect(document.value(of: "sshd_enable") == "YES")
        #expect(document.value(of: "ifconfig_em0") == "inet 10.0.0.5/24")
        #expect(document.value(of: "pf_enable") == nil)
        #expect(document.lastAssignment(of: "hostname")?.line == 5)
    }

    @Test func setRewritesLastAssignmentAndKeepsEverythingElse() throws {
        var document = try RCConfDocument(text: "# top\npf_enable=\"NO\"\nsshd_enable=\"YES\"\n")
        document.set("pf_enable", to: "YES")
        document.set("cloned_interfaces", to: "bridge0")
        #expect(document.text == "# top\npf_enable=\"YES\"\nsshd_enable=\"YES\"\ncloned_interfaces=\"bridge0\"\n")
        document.unset("cloned_interfaces")
        document.set("pf_enable", to: "NO")
        #expect(document.text == "# top\npf_enable=\"NO\"\nsshd_enable=\"YES\"\n")
    }

    @Test func appendingToAFileWithoutFinalNewlineAddsOne() throws {
        var document = try RCConfDocument(text: "a=\"1\"")
        document.set("b", to: "2")
        #expect(document.text == "a=\"1\"\nb=\"2\"\n")
    }

    @Test func valuesWithShellCharactersAreEscapedAndReadBack() throws {
        var document = try RCConfDocument(text: "")
        document.set("motd", to: "say \"hi\" $HOME")
        #expect(document.text == "motd=\"say \\\"hi\\\" \\$HOME\"\n")
        #expect(try RCConfDocument(text: document.text).value(of: "motd") == "say \"hi\" $HOME")
    }

    @Test(arguments: [
        ("if true; then x=1; fi\n", 1),
        ("a=\"1\"\nb=\"unterminated\n", 2),
        ("ok=1\nbad=two words\n", 2),
        ("x=$(reboot)\n", 1),
    ])
    func strictModeNamesFileAndLine(text: String, line: Int) {
        #expect(throws: RCConfError.self) { try RCConfDocument(text: text, path: "/c.conf", strict: true) }
        do {
            _ = try RCConfDocument(text: text, path: "/c.conf", strict: true)
        } catch {
            #expect(error.path == "/c.conf")
            #expect(error.line == line)
            // One readable line, never a dump of an internal value.
            #expect(!error.description.contains("ValueError"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func lenientModeKeepsShellCodeUntouched() throws {
        let text = "if [ -f /x ]; then\n  foo=1\nfi\npf_enable=\"NO\"\n"
        var document = try RCConfDocument(text: text)
        document.set("pf_enable", to: "YES")
        #expect(document.text == "if [ -f /x ]; then\n  foo=1\nfi\npf_enable=\"YES\"\n")
    }
}

@Suite struct RCConfFastReadTests {
    @Test(arguments: ["pf_enable", "hostname", "sshd_enable", "ifconfig_em0", "absent", "motd", "foo"])
    func theFastReadAgreesWithTheFullParse(key: String) throws {
        let text = "# c\nhostname=\"a\"\n  pf_enable=YES # on\nifconfig_em0='inet 10.0.0.5/24'\nhostname=\"b\"\nif [ x ]; then\n  foo=1\nfi\npf_enable_x=\"no\"\nmotd=\"say \\\"hi\\\"\"\nbad=\"unterminated\n"
        #expect(RCConfDocument.value(of: key, inText: text) == (try RCConfDocument(text: text)).value(of: key))
    }
}
