import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import FreeBSDHost

@Suite struct SimulatedTailscaleStateTests {
    typealias Fixture = TailscaleFixture

    @Test func downStopsTheNodeAndBareUpBringsItBack() throws {
        let host = try Fixture.host()
        try host.tailscale("up", Fixture.keyArgument, "--hostname=clawdie-vm")
        let down = try host.tailscale("down")
        #expect(down.termination == .exited(0) && down.stderrText.isEmpty)
        #expect(try Fixture.backendState(host) == "Stopped")
        let shown = try host.sh("/sbin/ifconfig", "tailscale0")
        #expect(shown.succeeded && !shown.stdoutText.contains("inet "))
        let status = try host.tailscale("status")
        #expect(status.termination == .exited(1))
        #expect(status.stdoutText == (try SimulatedSupport.fixture("tailscale-status-stopped.derived.txt")))
        #expect(try host.tailscale("down").stderrText == "Tailscale was already stopped.\n")

        let up = try host.tailscale("up")
        #expect(up.termination == .exited(0))
        #expect(try Fixture.backendState(host) == "Running")
        #expect(try Fixture.selfHostName(host) == "clawdie-vm")
        #expect(try host.tailscale("ip", "-4").stdoutText == "100.64.0.1\n")
    }

    @Test func logoutDropsTheLoginAndTheAddresses() throws {
        let host = try Fixture.host()
        try host.tailscale("up", Fixture.keyArgument)
        #expect(try host.tailscale("logout").termination == .exited(0))
        #expect(try Fixture.backendState(host) == "NeedsLogin")
        #expect(try Fixture.status(host)["TailscaleIPs"] is NSNull)
        #expect(try Fixture.status(host)["HaveNodeKey"] == nil)
        #expect(try host.tailscale("status").stdoutText == (try SimulatedSupport.fixture("tailscale-status-logged-out.derived.txt")))
        let ip = try host.tailscale("ip", "-4")
        #expect(ip.termination == .exited(1))
        #expect(ip.stderrText == "no current Tailscale IPs; state: NeedsLogin\n")
        #expect(!(try host.sh("/sbin/ifconfig", "tailscale0").stdoutText.contains("inet ")))
        // Logging in again needs the key again.
        #expect(try host.tailscale("up").termination == .exited(1))
        #expect(try host.tailscale("up", Fixture.keyArgument).termination == .exited(0))
        #expect(try host.tailscale("ip", "-4").stdoutText == "100.64.0.1\n")
    }

    @Test func profileAddressesAreTheOnesTheNodeGets() throws {
        var profile = try HostProfile.load(path: SimulatedSupport.plansProfilePath("cloud-vm"))
        profile.tailscale = ProfileTailscale(installed: true, daemonRunning: true, backendState: "NeedsLogin", addresses: ["100.101.102.103"])
        let host = try SimulatedSupport.host(profile)
        try host.write(Fixture.keyPath, Fixture.key, mode: 0o600)
        try host.tailscale("up", Fixture.keyArgument)
        #expect(try host.tailscale("ip").stdoutText == "100.101.102.103\n")
    }

    @Test func aProfileNodeRunningWithoutAddressesGetsTheDefaultOnes() throws {
        var profile = try HostProfile.load(path: SimulatedSupport.plansProfilePath("cloud-vm"))
        profile.tailscale = ProfileTailscale(installed: true, daemonRunning: true, backendState: "Running")
        let host = try SimulatedSupport.host(profile)
        #expect(try host.tailscale("ip", "-4").stdoutText == "100.64.0.1\n")
        #expect(try host.tailscale("status").stdoutText.hasPrefix("100.64.0.1      cloud-vm "))
    }

    @Test func aRebootBringsALoggedInNodeBackRunningWithItsNameAndSettings() throws {
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        let host = try Fixture.host(stateDirectory: directory)
        try host.tailscale("up", Fixture.keyArgument, "--hostname=clawdie-vm")

        let report = try host.reboot()
        #expect(report.entry("tailscaled")?.summary == "started tailscaled; tailscale0 created with 100.64.0.1/32")
        // A new process on the same state directory sees the same node.
        let again = try SimulatedHost(profile: host.profile, profilePath: host.profilePath, stateDirectory: directory)
        #expect(try Fixture.backendState(again) == "Running")
        #expect(try Fixture.selfHostName(again) == "clawdie-vm")
        #expect(try again.tailscale("ip", "-4").stdoutText == "100.64.0.1\n")
        #expect(try again.sh("/sbin/ifconfig", "tailscale0").stdoutText.contains("\tinet 100.64.0.1 --> 100.64.0.1 netmask 0xffffffff\n"))
        // The settings survived too: leaving out --hostname is still the accidental-up error.
        #expect(try again.tailscale("up", Fixture.keyArgument).stderrText.hasPrefix("Error: changing settings via 'tailscale up'"))
    }

    @Test func aRebootKeepsAStoppedNodeStoppedAndANeverRunningOneStarting() throws {
        let stopped = try Fixture.host()
        try stopped.tailscale("up", Fixture.keyArgument)
        try stopped.tailscale("down")
        _ = try stopped.reboot()
        #expect(try Fixture.backendState(stopped) == "Stopped")

        let stuck = try Fixture.host(login: .neverRunning)
        try stuck.tailscale("up", Fixture.keyArgument)
        _ = try stuck.reboot()
        #expect(try Fixture.backendState(stuck) == "Starting")
        #expect(!(try stuck.sh("/sbin/ifconfig", "tailscale0").stdoutText.contains("inet ")))
    }

    @Test func theKeyNeverAppearsInOutputOrInTheStateOutsideItsFile() throws {
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        var outputs: [CommandResult] = []
        for login in TailscaleLogin.allCases {
            let host = try Fixture.host(login: login, stateDirectory: directory + "/" + login.rawValue)
            for argv in [
                ["up", Fixture.keyArgument, "--hostname=clawdie-vm", "--timeout=60s"],
                ["up", Fixture.keyArgument, "--hostname=clawdie-vm", "--timeout=60s"],
                ["up", Fixture.keyArgument],
                ["up", "--auth-key=" + Fixture.key],
                ["up", "--auth-key=" + Fixture.key, "--auth-key=" + Fixture.key],
                ["up", "--auth-key=" + Fixture.key, "extra"],
                ["status"], ["status", "--json"], ["ip"], ["down"], ["logout"],
                ["up", Fixture.keyArgument, "--reset"],
            ] {
                outputs.append(try host.run(Command([Fixture.tailscale] + argv)))
            }
            _ = try host.reboot()
            outputs.append(try host.tailscale("status", "--json"))

            let data = try #require(FileManager.default.contents(atPath: directory + "/" + login.rawValue + "/" + SimulatedHost.stateFileName))
            var state = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var files = try #require(state["files"] as? [String: Any])
            #expect(files.removeValue(forKey: Fixture.keyPath) != nil)
            state["files"] = files
            let rest = String(decoding: try JSONSerialization.data(withJSONObject: state), as: UTF8.self)
            #expect(!rest.contains(Fixture.key))
            #expect(!rest.contains("SECRET"))
        }
        #expect(outputs.contains { !$0.stderrText.isEmpty })
        for output in outputs {
            #expect(!output.stdoutText.contains("SECRET") && !output.stderrText.contains("SECRET"))
        }
    }

    @Test func tailscaledFollowsRCSubr() throws {
        let host = try Fixture.host()
        try host.sh("/usr/sbin/service", "tailscaled", "stop")
        try host.sh("/usr/sbin/sysrc", "tailscaled_enable=NO")
        let cannot = try host.sh("/usr/sbin/service", "tailscaled", "start")
        #expect(cannot.termination == .exited(0))
        #expect(cannot.stdoutText == "Cannot 'start' tailscaled. Set tailscaled_enable to YES in /etc/rc.conf or use 'onestart' instead of 'start'.\n")
        #expect(try host.sh("/sbin/ifconfig", "tailscale0").termination == .exited(1))

        let start = try host.sh("/usr/sbin/service", "tailscaled", "onestart")
        #expect(start.succeeded && start.stdoutText.isEmpty && start.stderrText.isEmpty)
        for command in ["status", "onestatus"] {
            let status = try host.sh("/usr/sbin/service", "tailscaled", command)
            #expect(status.termination == .exited(0))
            #expect(status.stdoutText.hasPrefix("tailscaled is running as pid ") && status.stdoutText.hasSuffix(".\n"))
        }
        let stop = try host.sh("/usr/sbin/service", "tailscaled", "onestop")
        #expect(stop.succeeded)
        #expect(stop.stdoutText.hasPrefix("Stopping tailscaled.\nWaiting for PIDS: "))
        #expect(stop.stderrText == "tailscaled: Destroying tailscale0 adapter\n")
        #expect(try host.sh("/sbin/ifconfig", "tailscale0").termination == .exited(1))

        let notRunning = try host.sh("/usr/sbin/service", "tailscaled", "onestatus")
        #expect(notRunning.termination == .exited(1) && notRunning.stdoutText == "tailscaled is not running.\n")
        let stopAgain = try host.sh("/usr/sbin/service", "tailscaled", "onestop")
        #expect(stopAgain.termination == .exited(1))
        #expect(stopAgain.stderrText == "tailscaled not running? (check /var/run/tailscaled.pid).\n")
        // Stopping a stopped, disabled service is refused by the rcvar check first.
        #expect(try host.sh("/usr/sbin/service", "tailscaled", "stop").stdoutText.hasPrefix("Cannot 'stop' tailscaled."))
    }

    @Test func pkgDeleteLeavesARunningDaemonRunning() throws {
        let host = try Fixture.host()
        try host.tailscale("up", Fixture.keyArgument)
        let delete = try host.sh("/usr/sbin/pkg", "delete", "-y", "tailscale")
        #expect(delete.succeeded)
        #expect(try host.readFile("/usr/local/etc/rc.d/tailscaled") == nil)
        #expect(throws: HostError.self) { try host.tailscale("status") }
        // pkg does not stop services (HANDLE_RC_SCRIPTS is off by default): the daemon and
        // its interface stay until the next reboot, and its rc script is gone.
        #expect(try host.sh("/sbin/ifconfig", "tailscale0").succeeded)
        #expect(try host.sh("/usr/sbin/service", "tailscaled", "stop").termination == .exited(1))
        _ = try host.reboot()
        #expect(try host.sh("/sbin/ifconfig", "tailscale0").termination == .exited(1))
    }
}
