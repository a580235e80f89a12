@testable import FreeBSDHost
import FuzzSupport

/// pf.conf: the parser gives a ruleset or one syntax error; the evaluator answers every
/// packet for any ruleset; a rule printed as pfctl prints it, when read again, prints the same.
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
        for rule in ruleset.filterRules {
            let printed = PFRuleFormatter.text(rule)
            guard let reread = try? PFParser.parse(text: printed + "\n", path: "printed.conf"), reread.filterRules.count == 1 else { continue }
            require(PFRuleFormatter.text(reread.filterRules[0]) == printed, "a printed rule reads back as another: \(printed)")
        }
    }
}
