import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// Subnet routes on the simulated node: `tailscale set --advertise-routes`, `debug prefs`, and
/// what `status --json` shows of routes approved and pending.
@Suite struct SimulatedTailscaleRoutesTests {
    typealias Fixture = TailscaleFixture

    static func runningHost(approval: TailscaleRouteApproval) throws -> SimulatedHost {
        let host = try Fixture.host()
        try host.tailscale("up", Fixture.keyArgument, "--hostname=node-a", "--ssh")
        if approval == .pending {
            var next = host.state
            next.tailscale.routeApproval = .pending
            try host.commit(next)
        }
        return host
    }

    static func prefs(_ host: SimulatedHost) throws -> TailscalePrefs {
        try TailscalePrefs.parse(try host.tailscale("debug", "prefs").stdoutText)
    }

    @Test func setChangesTheRoutesAloneWhereUpDemandsEverySettingAgain() throws {
        let host = try Self.runningHost(approval: .approved)
        // `up` with only the routes is refused: --hostname and --ssh are in force.
        let up = try host.tailscale("up", "--advertise-routes=192.168.100.0/24")
        #expect(up.termination == .exited(1))
        #expect(up.stderrText.contains("requires mentioning all"))
        #expect(up.stderrText.contains("--hostname=node-a"))
        #expect(try Self.prefs(host).advertiseRoutes.isEmpty)
        // `set` takes them and leaves the rest.
        let set = try host.tailscale("set", "--advertise-routes=192.168.100.0/24,192.168.101.0/24")
        #expect(set.termination == .exited(0) && set.stdoutText.isEmpty && set.stderrText.isEmpty)
        #expect(try Self.prefs(host).advertiseRoutes == ["192.168.100.0/24", "192.168.101.0/24"])
        let prefsText = try host.tailscale("debug", "prefs").stdoutText
        #expect(prefsText.contains("\t\"Hostname\": \"node-a\",\n") && prefsText.contains("\t\"RunSSH\": true,\n"))
        // A later `up` must mention the routes as well.
        let again = try host.tailscale("up", "--hostname=node-a", "--ssh")
        #expect(again.stderrText.contains("--advertise-routes=192.168.100.0/24,192.168.101.0/24"))
        // Empty withdraws them.
        #expect(try host.tailscale("set", "--advertise-routes=").termination == .exited(0))
        #expect(try Self.prefs(host).advertiseRoutes.isEmpty)
        #expect(try host.tailscale("debug", "prefs").stdoutText.contains("\t\"AdvertiseRoutes\": null\n"))
    }

    @Test func statusShowsOnlyApprovedRoutesAndApprovalOutlivesAWithdrawal() throws {
        let host = try Self.runningHost(approval: .pending)
        try host.tailscale("set", "--advertise-routes=192.168.100.0/24")
        var status = try TailscaleStatus.parse(try host.tailscale("status", "--json").stdoutText)
        #expect(status.selfPrimaryRoutes.isEmpty && !status.approves("192.168.100.0/24"))
        #expect(status.selfAllowedIPs == ["100.64.0.1/32", "fd7a:115c:a1e0::1/128"])
        #expect(try host.approveAdvertisedRoutes() == ["192.168.100.0/24"])
        status = try TailscaleStatus.parse(try host.tailscale("status", "--json").stdoutText)
        #expect(status.selfPrimaryRoutes == ["192.168.100.0/24"] && status.approves("192.168.100.0/24"))
        #expect(status.selfAllowedIPs.last == "192.168.100.0/24")
        // Withdrawn, the route leaves the status; advertised again, control's approval still holds.
        try host.tailscale("set", "--advertise-routes=")
        #expect(try TailscaleStatus.parse(try host.tailscale("status", "--json").stdoutText).selfPrimaryRoutes.isEmpty)
        try host.tailscale("set", "--advertise-routes=192.168.100.0/24")
        #expect(try TailscaleStatus.parse(try host.tailscale("status", "--json").stdoutText).approves("192.168.100.0/24"))
    }

    @Test(arguments: [
        ("--advertise-routes=192.168.100.7/24", "192.168.100.7/24 has non-address bits set; expected 192.168.100.0/24\n"),
        ("--advertise-routes=jails", "\"jails\" is not a valid IP address or CIDR prefix\n"),
    ])
    func setRefusesABadRouteAndChangesNothing(flag: String, message: String) throws {
        let host = try Self.runningHost(approval: .approved)
        let result = try host.tailscale("set", flag)
        #expect(result.termination == .exited(1))
        #expect(result.stderrText == message)
        #expect(try Self.prefs(host).advertiseRoutes.isEmpty)
    }

    @Test func setNeedsTheDaemon() throws {
        let host = try Self.runningHost(approval: .approved)
        try host.sh("/usr/sbin/service", "tailscaled", "stop")
        let result = try host.tailscale("set", "--advertise-routes=192.168.100.0/24")
        #expect(result.termination == .exited(1))
        #expect(result.stderrText.contains("Failed to connect to local Tailscale daemon"))
    }

    @Test func theRoutesAndTheirApprovalSurviveAReboot() throws {
        let host = try Self.runningHost(approval: .pending)
        try host.tailscale("set", "--advertise-routes=192.168.100.0/24")
        _ = try host.approveAdvertisedRoutes()
        _ = try host.reboot()
        #expect(try Self.prefs(host).advertiseRoutes == ["192.168.100.0/24"])
    }
}
