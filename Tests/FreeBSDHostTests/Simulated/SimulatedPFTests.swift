import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

@Suite struct SimulatedPFTests {
    static let goodRules = """
    ext_if = "vtnet0"
    table <bruteforce> persist
    set skip on lo0
    block in all
    block quick from <bruteforce>
    pass out all keep state
    pass in on $ext_if proto tcp to port 22 keep state

    """

    /// Six good lines, then a statement pfctl cannot parse on line 7.
    static let brokenRules = """
    ext_if = "vtnet0"
    table <bruteforce> persist
    set skip on lo0
    block in all
    pass out all keep state
    pass in on $ext_if proto tcp to port 22
    pass in on $ext_if proto tcp to port 22 sideways

    """

    private func hostWithPF(_ rules: String = goodRules) throws -> SimulatedHost {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.write("/etc/pf.conf", rules)
        try host.sh("/sbin/kldload", "pf")
        return host
    }

    @Test func checkingABrokenFilePrintsOnlyTheFileLineMessages() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.write("/etc/pf.conf", Self.brokenRules)
        let check = try host.sh("/sbin/pfctl", "-nf", "/etc/pf.conf")
        #expect(check.termination == .exited(1))
        #expect(check.stderrText == (try SimulatedSupport.fixture("pfctl-nf-syntax-error.derived.stderr.txt")))
        try host.sh("/sbin/kldload", "pf")
        let load = try host.sh("/sbin/pfctl", "-f", "/etc/pf.conf")
        #expect(load.termination == .exited(1))
        #expect(load.stderrText == "/etc/pf.conf:7: syntax error\npfctl: Syntax error in config file: pf rules not loaded\n")
        #expect(try host.sh("/sbin/pfctl", "-s", "rules").stdoutText.isEmpty)
    }

    @Test func pfctlNeedsTheModuleExceptForChecks() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.write("/etc/pf.conf", Self.goodRules)
        #expect(try host.sh("/sbin/kldstat", "-q", "-m", "pf").termination == .exited(1))
        #expect(try host.sh("/sbin/pfctl", "-nf", "/etc/pf.conf").succeeded)
        let info = try host.sh("/sbin/pfctl", "-s", "info")
        #expect(info.termination == .exited(1))
        #expect(info.stderrText == "pfctl: /dev/pf: No such file or directory\n")
        #expect(try host.sh("/sbin/kldload", "-n", "pf").succeeded)
        #expect(try host.sh("/sbin/kldstat", "-q", "-m", "pf").termination == .exited(0))
        #expect(try host.sh("/sbin/kldload", "-n", "pf").succeeded)
        #expect(try host.sh("/sbin/kldload", "pf").termination == .exited(1))
    }

    @Test func enablingTwiceFailsTheSecondTime() throws {
        let host = try hostWithPF()
        let first = try host.sh("/sbin/pfctl", "-e")
        #expect(first.termination == .exited(0))
        #expect(first.stderrText == (try SimulatedSupport.fixture("pfctl-e-enabled.stderr.txt")))
        let second = try host.sh("/sbin/pfctl", "-e")
        #expect(second.termination == .exited(1))
        #expect(second.stderrText == (try SimulatedSupport.fixture("pfctl-e-already-enabled.stderr.txt")))
        #expect(try host.sh("/sbin/pfctl", "-d").stderrText == "pf disabled\n")
        #expect(try host.sh("/sbin/pfctl", "-d").stderrText == "pfctl: pf not enabled\n")
    }

    @Test func statusLineIsPaddedAsPfctlPrintsIt() throws {
        let host = try hostWithPF()
        let disabled = try host.sh("/sbin/pfctl", "-s", "info").stdoutText
        #expect(disabled.hasPrefix(try SimulatedSupport.fixture("pfctl-s-info-disabled-firstline.derived.txt")))
        try host.sh("/sbin/pfctl", "-e")
        let enabled = try host.sh("/sbin/pfctl", "-s", "info").stdoutText
        let expectedShape = try SimulatedSupport.fixture("service-pf-status-firstline.txt").replacingOccurrences(of: "00:00:02", with: "00:00:00")
        #expect(enabled.hasPrefix(expectedShape + "\n"))
    }

    /// pfctl_parser.c print_status: no duration until pf has been enabled or disabled once
    /// (pf_status.since), then one also while disabled; with the simulated clock at zero
    /// seconds of run time the rate column is blank, not `0.0/s`.
    @Test func infoLinesAreAsPrintStatusPrintsThem() throws {
        let host = try hostWithPF()
        let fresh = try host.sh("/sbin/pfctl", "-s", "info").stdoutText.components(separatedBy: "\n")
        #expect(fresh[0] == "Status: Disabled                              Debug: Urgent")
        #expect(fresh[1] == "")
        #expect(fresh[2] == "State Table                          Total             Rate")
        #expect(fresh[3] == "  current entries                        0               ")
        #expect(fresh[4] == "  searches                               0               ")
        #expect(fresh.contains("Counters"))
        #expect(fresh.contains("  match                                  0               "))
        #expect(!fresh.joined().contains("/s"))
        try host.sh("/sbin/pfctl", "-e")
        try host.sh("/sbin/pfctl", "-d")
        let disabled = try host.sh("/sbin/pfctl", "-s", "info").stdoutText
        #expect(disabled.hasPrefix("Status: Disabled for 0 days 00:00:00          Debug: Urgent\n\n"))
    }

    @Test func loadedRulesAreShownAndTablesWork() throws {
        let host = try hostWithPF()
        #expect(try host.sh("/sbin/pfctl", "-f", "/etc/pf.conf").succeeded)
        let rules = try host.sh("/sbin/pfctl", "-s", "rules").stdoutText
        #expect(rules == """
        block drop in all
        block drop quick from <bruteforce> to any
        pass out all flags S/SA keep state
        pass in on vtnet0 proto tcp from any to any port = ssh flags S/SA keep state

        """)
        #expect(try host.sh("/sbin/pfctl", "-t", "bruteforce", "-T", "show").stdoutText.isEmpty)
        let add = try host.sh("/sbin/pfctl", "-t", "bruteforce", "-T", "add", "1.2.3.4")
        #expect(add.stderrText == (try SimulatedSupport.fixture("pfctl-T-add.stderr.txt")))
        #expect(try host.sh("/sbin/pfctl", "-t", "bruteforce", "-T", "show").stdoutText == SimulatedSupport.fixture("pfctl-T-show.txt"))
        #expect(try host.sh("/sbin/pfctl", "-t", "bruteforce", "-T", "expire", "86400").stderrText == "0/1 addresses expired.\n")
        #expect(try host.sh("/sbin/pfctl", "-t", "bruteforce", "-T", "flush").stderrText == SimulatedSupport.fixture("pfctl-T-flush.stderr.txt"))
        let missing = try host.sh("/sbin/pfctl", "-t", "nonexistent", "-T", "show")
        #expect(missing.termination == .exited(1))
        #expect(missing.stderrText == (try SimulatedSupport.fixture("pfctl-T-table-missing.stderr.txt")))
    }

    @Test func probeFollowsTheLoadedRulesOnlyWhilePFIsEnabled() throws {
        let host = try hostWithPF()
        try host.sh("/sbin/pfctl", "-f", "/etc/pf.conf")
        #expect(host.probe(interface: "vtnet0", protocol: .tcp, port: 80).passes)
        try host.sh("/sbin/pfctl", "-e")
        #expect(!host.probe(interface: "vtnet0", protocol: .tcp, port: 80).passes)
        #expect(host.probe(interface: "vtnet0", protocol: .tcp, port: 22).passes)
        try host.sh("/sbin/pfctl", "-t", "bruteforce", "-T", "add", "198.51.100.7")
        #expect(!host.probe(interface: "vtnet0", protocol: .tcp, port: 22, source: IPv4Address("198.51.100.7")).passes)
    }
}
