import FirstbootEngine
import FreeBSDHost

/// Proves, on a candidate ruleset and before it is loaded, that the operator's way in still
/// passes: the evaluator must let the first packet of an SSH connection through on the
/// management interface. A ruleset that fails this is never written. `probe` asks the same
/// evaluator, and names the deciding rule the same way.
enum LockoutCheck {
    static func requirePasses(_ text: String, path: String, interface: String, port: UInt16, what: String) throws {
        let ruleset: PFRuleset
        do {
            ruleset = try PFParser.parse(text: text, path: path)
        } catch {
            throw StepRefusal("the generated \(path) does not parse: \(error.description)", cause: error)
        }
        let packet = PFPacket(interface: interface, direction: .in, family: .inet, proto: .tcp, destinationPort: port)
        let verdict = PFEvaluator(ruleset: ruleset).verdict(for: packet)
        guard verdict.action == .pass else {
            let line = ProbeAnswer(verdict, file: path, text: text).rule.map { " (line \($0.line) blocks it: \($0.text))" } ?? ""
            throw StepRefusal("the new \(path) would block \(what) on \(interface) port \(port)\(line); refusing to lock the operator out")
        }
    }
}
