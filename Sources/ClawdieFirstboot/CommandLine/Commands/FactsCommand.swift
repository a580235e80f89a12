import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `facts`: writes a host profile of the current host (real or simulated) to stdout or to
/// `--output FILE`, so the plan of a real machine can be reviewed in CI.
enum FactsCommand {
    static func run(_ invocation: Invocation, output: Output) throws -> ExitStatus {
        let context = try ToolContext(invocation, changesHost: false)
        let profile = try FactsCollector.collect(context, phases: context.phases(invocation))
        let data = try profile.encode()
        if let path = invocation.output {
            try DurableFile.replace(path, contents: data, mode: 0o644)
        } else {
            output.out(String(decoding: data, as: UTF8.self), newline: !(data.last == 0x0A))
        }
        return .success
    }
}
