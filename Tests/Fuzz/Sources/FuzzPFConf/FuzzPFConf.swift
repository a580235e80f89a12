@testable import FreeBSDHost
import FuzzSupport

/// pf.conf: the parser gives a ruleset or one syntax error; the evaluator answers every
/// packet for any ruleset; every ruleset prints as pfctl -s rules does.
@_cdecl("FuzzPFConf_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { bytes in
        guard let ruleset = try? PFParser.parse(text: String(decoding: bytes, as: UTF8.self), path: "fuzz.conf") else { return }
        let evaluator = PFEvaluator(ruleset: ruleset)
        for (interface, proto, port) in [("vtnet0", PFProtocol.tcp, UInt16(22)), ("tailscale0", .udp, 41641), ("lo0", .icmp, 0)] {
            _ = evaluator.verdict(for: PFPacket(interface: interface, proto: proto, source: IPv4Address("203.0.113.9"),
                                                destinationPort: port == 0 ? nil : port))
            _ = evaluator.verdict(for: PFPacket(interface: interface, direction: .out, proto: proto))
        }
        // `pfctl -s rules` as 14.3 and 15.0 print it: every filter rule gives at least one line.
        // (The printed form is FreeBSD's, with options the project's subset parser does not
        // read back the same, so it is not checked as a round trip.)
        for version in ["14.3", "15.0"] {
            let printed = PFRuleFormatter.lines(ruleset, freebsdVersion: version)
            require(printed.count >= ruleset.filterRules.count, "fewer printed lines than filter rules on \(version)")
        }
    }
}
