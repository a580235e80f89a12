import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

@Suite struct SimulatedTailscaleUpTests {
    typealias Fixture = TailscaleFixture

    @Test func upWithAKeyFileBringsTheNodeUpWithItsAddressOnTailscale0() throws {
        let host = try Fixture.host()
        #expect(try Fixture.backendState(host) == "NeedsLogin")
        let up = try host.tailscale("up", Fixture.keyArgument, "--hostname=clawdie-vm", "--timeout=60s")
        #expect(up.termination == .exited(0))
        #expect(up.stdoutText.isEmpty && up.stderrText.isEmpty)

        let status = try Fixture.status(host)
        #expect(status["BackendState"] as? String == "Running")
        #expect(status["TailscaleIPs"] as? [String] == ["100.64.0.1", "fd7a:115c:a1e0::1"])
        #expect(status["HaveNodeKey"] as? Bool == true)
        #expect(try Fixture.selfHostName(host) == "clawdie-vm")
        let parsed = try TailscaleStatus.parse(try host.tailscale("status", "--json").stdoutText)
        #expect(parsed.backendState == .running && parsed.selfHostName == "clawdie-vm")

        let shown = try host.sh("/sbin/ifconfig", "tailscale0").stdoutText
        #expect(shown.contains("\tinet 100.64.0.1 --> 100.64.0.1 netmask 0xffffffff\n"))
        #expect(shown.contains("\tinet6 fd7a:115c:a1e0::1 prefixlen 128\n"))
        #expect(try host.tailscale("ip", "-4").stdoutText == "100.64.0.1\n")
        #expect(try host.tailscale("ip", "-6").stdoutText == "fd7a:115c:a1e0::1\n")
        #expect(try host.tailscale("ip").stdoutText == "100.64.0.1\nfd7a:115c:a1e0::1\n")
    }

    @Test(arguments: [
        ["up", "--auth-key", "file:" + TailscaleFixture.keyPath, "--hostname", "node-a"],
        ["up", "--hostname=node-a", "--authkey=file:" + TailscaleFixture.keyPath],
        ["up", "-authkey", "file:" + TailscaleFixture.keyPath, "-hostname=node-a", "--timeout", "1m30s"],
        ["up", "--reset", "--accept-routes", "--ssh", "--hostname=node-a", TailscaleFixture.keyArgument, "--some-new-flag=x"],
        ["up", "--auth-key=" + TailscaleFixture.key, "--hostname=node-a", "--accept-dns=false"],
    ])
    func upTakesItsFlagsInAnyOrderAndEitherForm(argv: [String]) throws {
        let host = try Fixture.host()
        let up = try host.run(Command([Fixture.tailscale] + argv))
        #expect(up.termination == .exited(0), "\(up.stderrText)")
        #expect(try Fixture.backendState(host) == "Running")
        #expect(try Fixture.selfHostName(host) == "node-a")
    }

    @Test func withoutHostnameTheNodeTakesTheHostsName() throws {
        let host = try Fixture.host()
        try host.tailscale("up", Fixture.keyArgument)
        #expect(try Fixture.selfHostName(host) == "cloud-vm")
        let line = try host.tailscale("status")
        #expect(line.termination == .exited(0))
        #expect(line.stdoutText == "100.64.0.1      cloud-vm             -            freebsd -\n")
    }

    @Test func anInvalidHostnameIsRefusedBeforeAnythingChanges() throws {
        let host = try Fixture.host()
        let up = try host.tailscale("up", Fixture.keyArgument, "--hostname=bad_name")
        #expect(up.termination == .exited(1))
        #expect(up.stderrText == "\"bad_name\" is not a valid DNS label: contains invalid character '_'\n")
        #expect(try Fixture.backendState(host) == "NeedsLogin")
    }

    @Test func aMissingKeyFileFailsWithGosErrorAndChangesNothing() throws {
        let host = try Fixture.host()
        let up = try host.tailscale("up", "--auth-key=file:/root/missing.key")
        #expect(up.termination == .exited(1))
        #expect(up.stdoutText.isEmpty)
        #expect(up.stderrText == "open /root/missing.key: no such file or directory\n")
        #expect(try Fixture.backendState(host) == "NeedsLogin")
        #expect(try host.sh("/sbin/ifconfig", "tailscale0").stdoutText.contains("inet ") == false)
    }

    @Test func upNeedsTheDaemon() throws {
        let host = try Fixture.host()
        try host.sh("/usr/sbin/service", "tailscaled", "stop")
        let up = try host.tailscale("up", Fixture.keyArgument)
        #expect(up.termination == .exited(1))
        #expect(up.stderrText == "Failed to connect to local Tailscale daemon for /localapi/v0/status; not running? Error: dial unix /var/run/tailscale/tailscaled.sock: connect: no such file or directory\n")
    }

    @Test func aRejectedKeyLeavesTheNodeLoggedOut() throws {
        let host = try Fixture.host(login: .rejects)
        let up = try host.tailscale("up", Fixture.keyArgument, "--hostname=clawdie-vm")
        #expect(up.termination == .exited(1))
        #expect(up.stdoutText.isEmpty)
        #expect(up.stderrText == "backend error: invalid key: API key does not exist\n")
        #expect(try Fixture.backendState(host) == "NeedsLogin")
        #expect(try Fixture.status(host)["TailscaleIPs"] is NSNull)
        #expect(!(try host.sh("/sbin/ifconfig", "tailscale0").stdoutText.contains("inet ")))
        #expect(try host.tailscale("status").stdoutText == "Logged out.\n")
    }

    @Test(arguments: [["--timeout=60s"], [], ["--timeout=0"]])
    func aTailnetThatNeverComesUpTimesOutInStarting(extra: [String]) throws {
        let host = try Fixture.host(login: .neverRunning)
        let up = try host.run(Command([Fixture.tailscale, "up", Fixture.keyArgument] + extra))
        #expect(up.termination == .exited(1))
        #expect(up.stderrText == "timeout waiting for Tailscale service to enter a Running state; check health with \"tailscale status\"\n")
        #expect(try Fixture.backendState(host) == "Starting")
        #expect(!(try host.sh("/sbin/ifconfig", "tailscale0").stdoutText.contains("inet ")))
        #expect(try host.tailscale("ip", "-4").stderrText == "no current Tailscale IPs; state: Starting\n")
    }

    @Test func repeatingTheSameUpOnARunningNodeChangesNothing() throws {
        let host = try Fixture.host()
        try host.tailscale("up", Fixture.keyArgument, "--hostname=clawdie-vm")
        let before = host.state
        let again = try host.tailscale("up", Fixture.keyArgument, "--hostname=clawdie-vm")
        #expect(again.termination == .exited(0))
        #expect(again.stdoutText.isEmpty && again.stderrText.isEmpty)
        #expect(host.state == before)
    }

    @Test func leavingOutASettingInForceIsTheAccidentalUpError() throws {
        let host = try Fixture.host()
        try host.tailscale("up", Fixture.keyArgument, "--hostname=clawdie-vm", "--ssh")
        let before = host.state
        let changed = try host.tailscale("up", Fixture.keyArgument, "--timeout=60s")
        #expect(changed.termination == .exited(1))
        #expect(changed.stderrText == """
            Error: changing settings via 'tailscale up' requires mentioning all
            non-default flags. To proceed, either re-run your command with --reset or
            use the command below to explicitly mention the current value of
            all non-default settings:

            \ttailscale up --auth-key=file:\(Fixture.keyPath) --timeout=1m0s --hostname=clawdie-vm --ssh


            """)
        #expect(host.state == before)

        let reset = try host.tailscale("up", Fixture.keyArgument, "--reset", "--hostname=other")
        #expect(reset.termination == .exited(0))
        #expect(try Fixture.selfHostName(host) == "other")
        // Mentioning every setting, with a new value, is not an accident.
        #expect(try host.tailscale("up", "--hostname=third").termination == .exited(0))
        #expect(try Fixture.selfHostName(host) == "third")
    }

    @Test(arguments: [
        (["up", "--auth-key"], "flag needs an argument: -auth-key\n", Int32(2)),
        (["up", "--ssh=maybe"], "invalid boolean value \"maybe\" for -ssh: parse error\n", Int32(2)),
        (["up", "--timeout=soon"], "invalid value \"soon\" for flag -timeout: parse error\n", Int32(2)),
        (["up", "--hostname=a", "--hostname=b"], "invalid value \"b\" for flag -hostname: flag provided multiple times\n", Int32(2)),
        (["up", "now"], "too many non-flag arguments: [\"now\"]\n", Int32(1)),
    ])
    func badFlagsAreGosFlagErrors(argv: [String], stderr: String, status: Int32) throws {
        let host = try Fixture.host()
        let result = try host.run(Command([Fixture.tailscale] + argv))
        #expect(result.termination == .exited(status))
        #expect(result.stderrText == stderr)
        #expect(try Fixture.backendState(host) == "NeedsLogin")
    }

    @Test func upWithoutAKeyWaitsForAnInteractiveLogin() throws {
        let host = try Fixture.host()
        let up = try host.tailscale("up", "--timeout=10s")
        #expect(up.termination == .exited(1))
        #expect(up.stderrText.hasPrefix("\nTo authenticate, visit:\n\n\thttps://login.tailscale.com/a/"))
        #expect(up.stderrText.hasSuffix("timeout waiting for Tailscale service to enter a Running state; check health with \"tailscale status\"\n"))
        #expect(try Fixture.backendState(host) == "NeedsLogin")
    }

    @Test func theTailscaleCommandExistsOnlyWithThePackage() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        #expect(throws: HostError.self) { try host.tailscale("up", TailscaleFixture.keyArgument) }
    }
}
