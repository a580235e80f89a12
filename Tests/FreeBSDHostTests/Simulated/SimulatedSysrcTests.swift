import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

@Suite struct SimulatedSysrcTests {
    @Test func settingADefaultedVariableShowsTheDefault() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        let result = try host.sh("/usr/sbin/sysrc", "pf_enable=YES")
        #expect(result.stdoutText == (try SimulatedSupport.fixture("sysrc-set-pf_enable.txt")))
        #expect(try host.text("/etc/rc.conf")?.hasSuffix("growfs_enable=\"YES\"\npf_enable=\"YES\"\n") == true)
        #expect(try host.stat("/etc/rc.conf")?.mode == 0o644)
    }

    @Test func settingAVariableWithoutDefaultPrintsTwoSpaces() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        #expect(try host.sh("/usr/sbin/sysrc", "tailscaled_enable=YES").stdoutText == SimulatedSupport.fixture("sysrc-set-new-var.txt"))
    }

    @Test func appendDeduplicatesAndRemoveDropsWords() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        #expect(try host.sh("/usr/sbin/sysrc", "cloned_interfaces+=bridge0").stdoutText == SimulatedSupport.fixture("sysrc-append-cloned_interfaces.txt"))
        #expect(try host.sh("/usr/sbin/sysrc", "cloned_interfaces+=bridge0 lo1").stdoutText == "cloned_interfaces: bridge0 -> bridge0 lo1\n")
        #expect(try host.sh("/usr/sbin/sysrc", "cloned_interfaces-=bridge0").stdoutText == "cloned_interfaces: bridge0 lo1 -> lo1\n")
        #expect(try host.readKey("cloned_interfaces", inFile: "/etc/rc.conf") == "lo1")
    }

    @Test func queriesAndUnknownVariables() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        #expect(try host.sh("/usr/sbin/sysrc", "-n", "pf_enable").stdoutText == SimulatedSupport.fixture("sysrc-query-n.derived.txt"))
        #expect(try host.sh("/usr/sbin/sysrc", "sshd_enable").stdoutText == "sshd_enable: YES\n")
        let unknown = try host.sh("/usr/sbin/sysrc", "noexist")
        #expect(unknown.termination == .exited(1))
        #expect(unknown.stderrText == (try SimulatedSupport.fixture("sysrc-unknown-variable.stderr.txt")))
        #expect(try host.sh("/usr/sbin/sysrc", "-c", "sshd_enable=YES").termination == .exited(0))
        #expect(try host.sh("/usr/sbin/sysrc", "-c", "pf_enable=YES").termination == .exited(1))
    }

    @Test func fileOptionCreatesTheFileInSysrcsFormat() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        let result = try host.sh("/usr/sbin/sysrc", "-f", "/usr/local/etc/clawdie-firstboot.conf", "test_enable=YES")
        #expect(result.stdoutText == "test_enable:  -> YES\n")
        #expect(try host.text("/usr/local/etc/clawdie-firstboot.conf") == SimulatedSupport.fixture("sysrc-file-contents-after-set.txt"))
        try host.sh("/usr/sbin/sysrc", "-f", "/usr/local/etc/clawdie-firstboot.conf", "test_enable=NO")
        #expect(try host.sh("/usr/sbin/sysrc", "-f", "/usr/local/etc/clawdie-firstboot.conf", "test_enable").stdoutText == SimulatedSupport.fixture("sysrc-query.txt"))
    }

    @Test func deleteRemovesOrReportsUnknown() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        #expect(try host.sh("/usr/sbin/sysrc", "-x", "sshd_enable").succeeded)
        #expect(try host.readKey("sshd_enable", inFile: "/etc/rc.conf") == nil)
        let again = try host.sh("/usr/sbin/sysrc", "-x", "sshd_enable")
        #expect(again.termination == .exited(1))
        #expect(again.stderrText == "sysrc: unknown variable 'sshd_enable'\n")
    }
}
