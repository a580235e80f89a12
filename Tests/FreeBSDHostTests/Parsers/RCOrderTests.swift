import Testing
@testable import FreeBSDHost

@Suite struct RCOrderTests {
    /// Headers of the scripts that order pf, networking and Tailscale at boot, as in FreeBSD's
    /// base rc.d and the tailscale port; the project's own scripts last.
    static let headers: [(String, String)] = [
        ("/etc/rc.d/FILESYSTEMS", "# PROVIDE: FILESYSTEMS\n"),
        ("/etc/rc.d/netoptions", "# PROVIDE: netoptions\n# REQUIRE: FILESYSTEMS\n# BEFORE: netif\n"),
        ("/etc/rc.d/netif", "# PROVIDE: netif\n# REQUIRE: FILESYSTEMS\n# KEYWORD: nojailvnet\n"),
        ("/etc/rc.d/pflog", "# PROVIDE: pflog\n# REQUIRE: FILESYSTEMS netif\n# KEYWORD: nojailvnet\n"),
        ("/etc/rc.d/pfsync", "# PROVIDE: pfsync\n# REQUIRE: FILESYSTEMS netif\n# KEYWORD: nojailvnet\n"),
        ("/etc/rc.d/static_arp", "# PROVIDE: static_arp\n# REQUIRE: netif\n"),
        ("/etc/rc.d/static_ndp", "# PROVIDE: static_ndp\n# REQUIRE: netif\n"),
        ("/etc/rc.d/resolv", "# PROVIDE: resolv\n# REQUIRE: netif\n"),
        ("/etc/rc.d/stf", "# PROVIDE: stf\n# REQUIRE: netif\n"),
        ("/etc/rc.d/ppp", "# PROVIDE: ppp\n# REQUIRE: netif\n"),
        ("/etc/rc.d/ipfw", "# PROVIDE: ipfw\n# REQUIRE: ppp\n# BEFORE: NETWORKING\n"),
        ("/etc/rc.d/defaultroute", "# PROVIDE: defaultroute\n# REQUIRE: netif stf\n"),
        ("/etc/rc.d/routing", "# PROVIDE: routing\n# REQUIRE: netif ppp stf\n"),
        ("/etc/rc.d/bridge", "# PROVIDE: bridge\n# REQUIRE: netif\n"),
        ("/etc/rc.d/route6d", "# PROVIDE: route6d\n# REQUIRE: netif routing\n"),
        ("/etc/rc.d/pf", "# PROVIDE: pf\n# REQUIRE: FILESYSTEMS netif pflog pfsync routing\n# KEYWORD: nojailvnet\n"),
        ("/etc/rc.d/netwait", "# PROVIDE: netwait\n# REQUIRE: routing\n"),
        ("/etc/rc.d/NETWORKING", """
            # PROVIDE: NETWORKING NETWORK
            # REQUIRE: netif netwait netoptions routing ppp ipfw stf defaultroute route6d resolv bridge static_arp static_ndp

            """),
        ("/usr/local/etc/rc.d/tailscaled", "# PROVIDE: tailscaled\n# REQUIRE: NETWORKING\n# KEYWORD: shutdown\n"),
        ("/usr/local/etc/rc.d/pf_reload", "# PROVIDE: pf_reload\n# REQUIRE: tailscaled\n"),
        ("/usr/local/etc/rc.d/clawdie_firstboot", "# PROVIDE: clawdie_firstboot\n# REQUIRE: NETWORKING\n"),
    ]

    static func scripts(_ pairs: [(String, String)]) throws -> [(path: String, header: RCScriptHeader)] {
        try pairs.map { path, text in (path: path, header: try RCScriptHeader.parse("#!/bin/sh\n#\n" + text + "\n. /etc/rc.subr\n")) }
    }

    @Test func pfRunsBeforeNetworkingBeforeTailscaledBeforePFReload() throws {
        let ordering = try RCOrder.order(scripts: try Self.scripts(Self.headers))
        #expect(ordering.warnings.isEmpty)
        #expect(Set(ordering.paths) == Set(Self.headers.map(\.0)))
        let position = Dictionary(uniqueKeysWithValues: ordering.paths.enumerated().map { ($1, $0) })
        let chain = ["/etc/rc.d/pf", "/etc/rc.d/NETWORKING", "/usr/local/etc/rc.d/tailscaled", "/usr/local/etc/rc.d/pf_reload"]
        #expect(chain.map { position[$0]! } == chain.map { position[$0]! }.sorted())
        #expect(position["/usr/local/etc/rc.d/clawdie_firstboot"]! > position["/etc/rc.d/NETWORKING"]!)
        #expect(position["/etc/rc.d/netoptions"]! < position["/etc/rc.d/netif"]!, "BEFORE: netif")
        #expect(position["/etc/rc.d/ipfw"]! < position["/etc/rc.d/NETWORKING"]!)
    }

    /// Wherever one of these scripts depends (directly or not) on another, FreeBSD's own
    /// rcorder listing puts them in the same order.
    @Test func agreesWithFreeBSDsRcorderListing() throws {
        let listing = try ParserFixture.text("rcorder-base-etc-rc.d.txt").split(separator: "\n").map(String.init)
        let fixturePosition = Dictionary(listing.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let scripts = try Self.scripts(Self.headers)
        let ordering = try RCOrder.order(scripts: scripts)
        let base = ordering.paths.filter { fixturePosition[$0] != nil }
        #expect(base.count == 18, "every base script of the set appears in the listing")
        #expect(fixturePosition["/etc/rc.d/pf"]! < fixturePosition["/etc/rc.d/NETWORKING"]!)

        var checkedPairs = 0
        for (earlier, later) in Self.dependencyPairs(scripts) {
            guard let fixtureEarlier = fixturePosition[earlier], let fixtureLater = fixturePosition[later] else { continue }
            #expect(fixtureEarlier < fixtureLater, "\(earlier) before \(later)")
            #expect(ordering.paths.firstIndex(of: earlier)! < ordering.paths.firstIndex(of: later)!)
            checkedPairs += 1
        }
        #expect(checkedPairs > 50)
    }

    @Test func aMissingRequirementIsAWarningAndOrderingGoesOn() throws {
        let scripts = try Self.scripts([
            ("/usr/local/etc/rc.d/tailscaled", "# PROVIDE: tailscaled\n# REQUIRE: networking\n"),
            ("/usr/local/etc/rc.d/pf_reload", "# PROVIDE: pf_reload\n# REQUIRE: tailscaled\n"),
            ("/usr/local/etc/rc.d/early", "# PROVIDE: early\n# BEFORE: nothing_by_that_name\n"),
        ])
        let ordering = try RCOrder.order(scripts: scripts)
        #expect(ordering.paths == ["/usr/local/etc/rc.d/early", "/usr/local/etc/rc.d/tailscaled", "/usr/local/etc/rc.d/pf_reload"])
        #expect(ordering.warnings == [
            "file `/usr/local/etc/rc.d/early' is before unknown provision `nothing_by_that_name'",
            "requirement `networking' in file `/usr/local/etc/rc.d/tailscaled' has no providers.",
        ])
    }

    @Test func independentScriptsAreOrderedByPathWhateverTheInputOrder() throws {
        let pairs: [(String, String)] = [
            ("/etc/rc.d/zeta", "# PROVIDE: zeta\n"),
            ("/etc/rc.d/alpha", "# PROVIDE: alpha\n"),
            ("/etc/rc.d/LOGIN", "# PROVIDE: LOGIN\n"),
            ("/etc/rc.d/mid", "# PROVIDE: mid\n# REQUIRE: zeta\n"),
        ]
        let expected = ["/etc/rc.d/LOGIN", "/etc/rc.d/alpha", "/etc/rc.d/zeta", "/etc/rc.d/mid"]
        #expect(try RCOrder.order(scripts: try Self.scripts(pairs)).paths == expected)
        #expect(try RCOrder.order(scripts: try Self.scripts(pairs.reversed())).paths == expected)
    }

    @Test func everyProviderOfARequirementRunsFirst() throws {
        let scripts = try Self.scripts([
            ("/etc/rc.d/a", "# PROVIDE: mail\n"),
            ("/etc/rc.d/b", "# PROVIDE: mail\n# REQUIRE: c\n"),
            ("/etc/rc.d/c", "# PROVIDE: c\n"),
            ("/etc/rc.d/d", "# PROVIDE: d\n# REQUIRE: mail\n"),
        ])
        #expect(try RCOrder.order(scripts: scripts).paths == ["/etc/rc.d/a", "/etc/rc.d/c", "/etc/rc.d/b", "/etc/rc.d/d"])
    }

    @Test func skippedKeywordsLeaveScriptsOutButKeepTheirConstraints() throws {
        let scripts = try Self.scripts([
            ("/etc/rc.d/base", "# PROVIDE: base\n"),
            ("/usr/local/etc/rc.d/firstboot_pkgs", "# PROVIDE: firstboot_pkgs\n# REQUIRE: base\n# KEYWORD: firstboot\n"),
            ("/usr/local/etc/rc.d/after", "# PROVIDE: after\n# REQUIRE: firstboot_pkgs\n"),
        ])
        let ordering = try RCOrder.order(scripts: scripts, skipping: ["firstboot"])
        #expect(ordering.paths == ["/etc/rc.d/base", "/usr/local/etc/rc.d/after"])
        #expect(try RCOrder.order(scripts: scripts).paths.count == 3)
    }

    @Test func aCycleIsReportedWithItsPath() throws {
        let scripts = try Self.scripts([
            ("/etc/rc.d/a", "# PROVIDE: a\n# REQUIRE: c\n"),
            ("/etc/rc.d/b", "# PROVIDE: b\n# REQUIRE: a\n"),
            ("/etc/rc.d/c", "# PROVIDE: c\n# REQUIRE: b\n"),
        ])
        #expect(throws: RCOrder.CircularDependency(provision: "a", cycle: ["/etc/rc.d/a", "/etc/rc.d/c", "/etc/rc.d/b", "/etc/rc.d/a"])) {
            try RCOrder.order(scripts: scripts)
        }
    }

    @Test func aBeforeThatContradictsARequireIsACycle() throws {
        let scripts = try Self.scripts([
            ("/usr/local/etc/rc.d/pf_reload", "# PROVIDE: pf_reload\n# REQUIRE: tailscaled\n# BEFORE: tailscaled\n"),
            ("/usr/local/etc/rc.d/tailscaled", "# PROVIDE: tailscaled\n"),
        ])
        do {
            _ = try RCOrder.order(scripts: scripts)
            Issue.record("expected a cycle")
        } catch {
            #expect(error.cycle.first == error.cycle.last)
            #expect(Set(error.cycle) == ["/usr/local/etc/rc.d/pf_reload", "/usr/local/etc/rc.d/tailscaled"])
            #expect(error.description.contains("/usr/local/etc/rc.d/pf_reload -> "))
        }
    }

    /// Every (earlier, later) pair where `later` depends on `earlier` through REQUIRE or BEFORE.
    static func dependencyPairs(_ scripts: [(path: String, header: RCScriptHeader)]) -> [(String, String)] {
        var after: [String: Set<String>] = [:]
        for script in scripts {
            for requirement in script.header.require {
                for provider in scripts where provider.header.provide.contains(requirement) {
                    after[script.path, default: []].insert(provider.path)
                }
            }
            for target in script.header.before {
                for provider in scripts where provider.header.provide.contains(target) {
                    after[provider.path, default: []].insert(script.path)
                }
            }
        }
        var pairs: [(String, String)] = []
        for script in scripts {
            var seen: Set<String> = []
            var pending = Array(after[script.path] ?? [])
            while let next = pending.popLast() {
                guard seen.insert(next).inserted else { continue }
                pending += after[next] ?? []
            }
            pairs += seen.sorted().map { ($0, script.path) }
        }
        return pairs
    }
}
