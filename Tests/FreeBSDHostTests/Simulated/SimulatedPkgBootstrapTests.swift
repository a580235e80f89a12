import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// On a fresh FreeBSD install /usr/sbin/pkg is pkg(7)'s bootstrap shim (usr.sbin/pkg/pkg.c;
/// command-output-facts.md): the cloud VM profile is such a host.
@Suite struct SimulatedPkgBootstrapTests {
    @Test func withoutAssumeAlwaysYesEveryCommandRefusesAndNothingChanges() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        for argv in [["install", "-y", "tailscale"], ["info", "-e", "tailscale"], ["bootstrap"], ["info"]] {
            let result = try host.run(Command(["/usr/sbin/pkg"] + argv))
            #expect(result.termination == .exited(1), "\(argv)")
            #expect(result.stdoutText.isEmpty)
            #expect(result.stderrText == """
                The package management tool is not yet installed on your system.
                Please set ASSUME_ALWAYS_YES=yes environment variable to be able to bootstrap in non-interactive (stdin not being a tty)

                """)
        }
        // `-N` never bootstraps.
        let check = try host.sh("/usr/sbin/pkg", "-N")
        #expect(check.termination == .exited(1) && check.stderrText == "pkg: pkg is not installed\n")
        #expect(throws: HostError.self) { try host.sh("/usr/local/sbin/pkg", "info") }
    }

    @Test func assumeAlwaysYesBootstrapsThenRunsTheCommand() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        var environment = Command.defaultEnvironment
        environment["ASSUME_ALWAYS_YES"] = "yes"
        let install = try host.run(Command(["/usr/sbin/pkg", "install", "-y", "tailscale"], environment: environment))
        #expect(install.succeeded, "\(install.stderrText)")
        #expect(install.stdoutText.hasPrefix("Bootstrapping pkg from pkg+https://pkg.FreeBSD.org/FreeBSD:14:amd64/quarterly, please wait...\n"))
        #expect(install.stdoutText.contains("\ttailscale: 1.82.5\n"))
        #expect(try host.sh("/usr/sbin/pkg", "-N").succeeded)
        #expect(try host.sh("/usr/sbin/pkg", "info", "-e", "pkg").succeeded)
        #expect(try host.sh("/usr/sbin/pkg", "bootstrap").stdoutText == "pkg already bootstrapped at /usr/local/sbin/pkg\n")
        // env(1) sets it the same way.
        let fresh = try SimulatedSupport.host("cloud-vm")
        #expect(try fresh.sh("/usr/bin/env", "ASSUME_ALWAYS_YES=yes", "/usr/sbin/pkg", "bootstrap").succeeded)
        #expect(try fresh.sh("/usr/sbin/pkg", "info", "-e", "pkg").succeeded)
    }
}
