import Testing
@testable import FreeBSDHost

@Suite struct RCScriptHeaderParserTests {
    @Test func readsTheBlockOfAnRCScript() throws {
        let script = """
        #!/bin/sh
        #
        #

        # PROVIDE: pf
        # REQUIRE: FILESYSTEMS netif pflog pfsync routing
        # KEYWORD: nojailvnet

        . /etc/rc.subr

        name="pf"
        rcvar="pf_enable"
        load_rc_config $name
        run_rc_command "$1"

        """
        let header = try RCScriptHeader.parse(script)
        #expect(header == RCScriptHeader(
            provide: ["pf"], require: ["FILESYSTEMS", "netif", "pflog", "pfsync", "routing"], keywords: ["nojailvnet"]))
    }

    @Test func acceptsPluralSpellingsTabsAndContinuations() throws {
        let script = "#!/bin/sh\n# PROVIDES: NETWORKING NETWORK\n# REQUIRES: netif\tnetwait \\\n routing\n# BEFORE: LOGIN\n# KEYWORDS: shutdown\n"
        let header = try RCScriptHeader.parse(script)
        #expect(header.provide == ["NETWORKING", "NETWORK"])
        #expect(header.require == ["netif", "netwait", "routing"])
        #expect(header.before == ["LOGIN"])
        #expect(header.keywords == ["shutdown"])
    }

    @Test func stopsAtTheFirstLineAfterTheBlock() throws {
        // rcorder reads only the contiguous block: a later REQUIRE line is not a dependency.
        let script = "#!/bin/sh\n# PROVIDE: tailscaled\n# REQUIRE: NETWORKING\n\n# REQUIRE: LOGIN\n"
        #expect(try RCScriptHeader.parse(script).require == ["NETWORKING"])
    }

    @Test(arguments: [
        "#!/bin/sh\n. /etc/rc.subr\n",
        "#!/bin/sh\n#PROVIDE: pf\n",
        "#!/bin/sh\n  # PROVIDE: pf\n",
        "#!/bin/sh\n# REQUIRE: NETWORKING\n",
        "#!/bin/sh\n# PROVIDE:\n",
        "",
    ])
    func rejectsAHeaderWithoutProvide(text: String) {
        let error = ParserFixture.parseError { _ = try RCScriptHeader.parse(text) }
        #expect(error?.expected == "a \"# PROVIDE: name\" line in the block of dependency comments")
    }
}
