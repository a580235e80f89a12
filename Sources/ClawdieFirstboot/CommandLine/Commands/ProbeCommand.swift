import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FreeBSDHost

/// `probe`: would pf pass this packet, and which rule decides? Reads a ruleset file (default
/// /etc/pf.conf; with --host-profile, the simulated host's file) and evaluates it with the
/// evaluator the lockout check uses — without root and without asking pf, so it also answers for
/// a candidate file before it is loaded.
enum ProbeCommand {
    static let defaultRules = "/etc/pf.conf"

    static func run(_ invocation: Invocation, output: Output) throws -> ExitStatus {
        guard let request = invocation.probe else { throw UsageError(message: "probe needs --in", command: "probe") }
        // On this machine the configuration plays no part: a broken one must not stop the
        // question "why is SSH blocked?" from being answered.
        let host: any TargetHost = invocation.hostProfile == nil ? SystemHost() : try ToolContext(invocation, changesHost: false).host
        let path = request.rules ?? defaultRules
        let data: Data?
        do {
            data = try host.readFile(path)
        } catch {
            throw ProbeError("cannot read \(path): \(error); give a readable ruleset with --rules FILE")
        }
        guard let data else { throw ProbeError("\(path) does not exist; give the ruleset to evaluate with --rules FILE") }
        let text = String(decoding: data, as: UTF8.self)
        let ruleset: PFRuleset
        do {
            ruleset = try PFParser.parse(text: text, path: path)
        } catch {
            throw ProbeError("\(path) does not parse, so pf would not load it:\n\(error.description)")
        }
        let verdict = PFEvaluator(ruleset: ruleset).verdict(for: request.packet)
        try print(ProbeAnswer(verdict, file: path, text: text), json: invocation.json, output: output)
        return .success
    }

    static func print(_ answer: ProbeAnswer, json: Bool, output: Output) throws {
        if json { try output.json(answer) } else { output.out(answer.text, newline: false) }
    }
}

/// A ruleset `probe` cannot evaluate.
struct ProbeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension ProbeRequest {
    /// The first packet of the connection asked about.
    var packet: PFPacket {
        PFPacket(interface: interface, direction: .in, family: .inet, proto: proto, source: source, destinationPort: port)
    }
}
