import FirstbootEngine
import Foundation

/// `apply`: runs the pending steps, resuming an interrupted run. With `--boot` (the rc.d
/// hook) it exits at once when the boot phases are complete, and stops retrying after
/// `boot_retry_limit` failed boots.
enum ApplyCommand {
    static func run(_ invocation: Invocation, output: Output) throws -> ExitStatus {
        let context = try ToolContext(invocation, changesHost: true)
        let phases = context.phases(invocation)
        if invocation.boot {
            let (state, _) = try context.engine.state()
            let status = HostStatus(runState: state, steps: context.engine.steps, phases: phases,
                                    bootRetryLimit: context.settings.bootRetryLimit, lockHolder: nil)
            switch status.state {
            case .complete:
                // Silent at boot; a script asking for JSON still gets a document.
                if invocation.json {
                    let summary = ApplySummary(formatVersion: 1, applied: [], unchanged: status.steps.map(\.id), resumed: [])
                    output.out(String(decoding: try JSONCoding.document(summary), as: UTF8.self), newline: false)
                }
                return .success
            case .operatorNeeded:
                output.err("clawdie-firstboot: not retrying: \(status.message)")
                return .failure
            default:
                break
            }
        }
        let report = try context.engine.apply(phases: phases, boot: invocation.boot)
        for warning in report.warnings { output.err("clawdie-firstboot: warning: \(warning)") }
        if invocation.json {
            let summary = ApplySummary(formatVersion: 1, applied: report.applied, unchanged: report.unchanged, resumed: report.resumed)
            output.out(String(decoding: try JSONCoding.document(summary), as: UTF8.self), newline: false)
        } else {
            if !report.resumed.isEmpty { output.out("resumed: \(report.resumed.joined(separator: ", "))") }
            output.out(report.applied.isEmpty
                ? "nothing to do: \(report.unchanged.count) steps already match"
                : "applied: \(report.applied.joined(separator: ", ")) (\(report.unchanged.count) unchanged)")
        }
        return .success
    }

    struct ApplySummary: Encodable {
        var formatVersion: Int
        var applied: [String]
        var unchanged: [String]
        var resumed: [String]
        enum CodingKeys: String, CodingKey {
            case formatVersion = "format_version", applied, unchanged, resumed
        }
    }
}
