import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import FreeBSDHost

@Suite struct SimulatedHostStateTests {
    private func profile(transcripts: [ProfileTranscript] = [], faults: [ProfileFault] = []) -> HostProfile {
        HostProfile(
            hostname: "t", freebsdVersion: "14.3-RELEASE",
            interfaces: [ProfileInterface(name: "vtnet0", inet: ["10.0.2.15/24"])],
            defaultRoute: ProfileRoute(gateway: "10.0.2.2", interface: "vtnet0"),
            files: ["/etc/rc.conf": ProfileFile(text: "hostname=\"t\"\n")],
            transcripts: transcripts, faults: faults)
    }

    @Test func transcriptsReplayExactlyAndOnlyForTheExactArgv() throws {
        let recorded = ProfileTranscript(
            argv: ["/sbin/route", "-n", "get", "default"], stdout: "   route to: default\n  interface: em7\n", stderr: "odd\n", exitStatus: 3)
        let host = try SimulatedSupport.host(profile(transcripts: [recorded]))
        let result = try host.sh("/sbin/route", "-n", "get", "default")
        #expect(result.termination == .exited(3))
        #expect(result.stdoutText == recorded.stdout && result.stderrText == recorded.stderr)
        let other = try host.sh("/sbin/route", "-n", "get", "-inet6", "default")
        #expect(other.stderrText == "route: route has not been found\n")
        let anything = ProfileTranscript(argv: ["/usr/bin/uptime"], stdout: " 8:00AM  up 1 day\n")
        let withUptime = try SimulatedSupport.host(profile(transcripts: [anything]))
        #expect(try withUptime.sh("/usr/bin/uptime").stdoutText == " 8:00AM  up 1 day\n")
    }

    @Test func faultsMatchByPrefixFailWithoutEffectAndCanBeConsumed() throws {
        let faults = [
            ProfileFault(argv: ["/sbin/ifconfig", "bridge"], exitStatus: 1, stderr: "ifconfig: SIOCIFCREATE2: No space left on device\n", times: 1),
            ProfileFault(argv: ["/usr/sbin/sysrc"], exitStatus: 2, stderr: "sysrc: busy\n"),
        ]
        let host = try SimulatedSupport.host(profile(faults: faults))
        let failed = try host.sh("/sbin/ifconfig", "bridge", "create")
        #expect(failed.termination == .exited(1))
        #expect(failed.stderrText == "ifconfig: SIOCIFCREATE2: No space left on device\n")
        #expect(try host.sh("/sbin/ifconfig", "-l").stdoutText == "vtnet0 lo0\n")
        #expect(try host.sh("/sbin/ifconfig", "bridge", "create").stdoutText == "bridge0\n")
        for _ in 0..<3 {
            let always = try host.sh("/usr/sbin/sysrc", "pf_enable=YES")
            #expect(always.termination == .exited(2) && always.stdoutText.isEmpty)
        }
        #expect(try host.readKey("pf_enable", inFile: "/etc/rc.conf") == nil)
    }

    @Test func unmodelledCommandsThrowNamingTheArgv() throws {
        let host = try SimulatedSupport.host(profile())
        #expect {
            try host.sh("/usr/bin/uptime")
        } throws: { error in
            "\(error)" == "`/usr/bin/uptime` is not modelled by the simulated host; add it to the simulator's command models (Sources/FreeBSDHost/Simulated/Commands, dispatched by SimulatedState.execute)"
                && (error as? HostError)?.cause is Unmodelled
        }
        #expect(throws: HostError.self) { try host.sh("/sbin/pfctl", "-s", "Tables", "-v", "-z") }
        #expect(throws: HostError.self) { try host.sh("/sbin/ifconfig", "vtnet0", "mtu", "9000") }
    }

    @Test func stateSurvivesAcrossInstancesOnOneStateDirectory() throws {
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        let first = try SimulatedSupport.host("cloud-vm", stateDirectory: directory)
        try first.sh("/sbin/ifconfig", "bridge", "create")
        try first.sh("/usr/sbin/sysrc", "pf_enable=YES")
        try first.write("/root/secret", "k\n", mode: 0o600)

        let second = try SimulatedSupport.host("cloud-vm", stateDirectory: directory)
        #expect(try second.sh("/sbin/ifconfig", "-l").stdoutText == "vtnet0 lo0 bridge0\n")
        #expect(try second.readKey("pf_enable", inFile: "/etc/rc.conf") == "YES")
        #expect(try second.stat("/root/secret")?.mode == 0o600)
        #expect(FileManager.default.fileExists(atPath: directory + "/simulated-host.json"))

        #expect {
            _ = try SimulatedSupport.host("bare-metal", stateDirectory: directory)
        } throws: { error in
            "\(error)".contains("another host profile")
        }
    }

    @Test func consumedFaultsStayConsumedAcrossInstances() throws {
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        let path = directory + "/profile.json"
        try profile(faults: [ProfileFault(argv: ["/sbin/kldload"], times: 1)]).encode().write(to: URL(fileURLWithPath: path))
        let first = try SimulatedHost(profilePath: path, stateDirectory: directory + "/state")
        #expect(try first.sh("/sbin/kldload", "pf").termination == .exited(1))
        let second = try SimulatedHost(profilePath: path, stateDirectory: directory + "/state")
        #expect(try second.sh("/sbin/kldload", "pf").succeeded)
    }

    @Test func filesHaveImpliedDirectoriesAndRefuseAFileAsParent() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        #expect(try host.stat("/etc")?.kind == .directory)
        #expect(try host.stat("/etc")?.mode == 0o755)
        #expect(try host.stat("/nonexistent") == nil)
        #expect(try host.listDirectory("/etc")?.contains("rc.conf") == true)
        #expect(try host.listDirectory("/etc")?.contains("ssh") == true)
        #expect(try host.listDirectory("/etc/rc.conf") == nil)
        #expect(throws: HostError.self) { try host.write("/etc/rc.conf/x", "no") }
        #expect(throws: HostError.self) { try host.write("/etc", "no") }
        try host.removeFile("/etc/hosts")
        try host.removeFile("/etc/hosts")
        #expect(try host.readFile("/etc/hosts") == nil)
        try host.writeKey("gateway_enable", value: "YES", inFile: "/etc/rc.conf")
        #expect(try host.sh("/usr/sbin/sysrc", "-n", "gateway_enable").stdoutText == "YES\n")
    }
}
