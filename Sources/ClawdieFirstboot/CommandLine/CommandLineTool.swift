import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FreeBSDHost

/// The command line: parses the arguments, runs the command, prints one clear line on error,
/// and returns the exit status from the one table in `ExitStatus`.
package enum CommandLineTool {
    package static func main(_ arguments: [String]) -> Int32 {
        run(arguments, output: .standard).rawValue
    }

    static func run(_ arguments: [String], output: Output) -> ExitStatus {
        if arguments == ["--version"] {
            output.out("clawdie-firstboot \(toolVersion)")
            return .success
        }
        do {
            let invocation = try ArgumentParser.parse(arguments).withAbsolutePaths(in: FileManager.default.currentDirectoryPath)
            if invocation.help {
                output.out(invocation.helpCommand.flatMap(CommandTable.command).map(HelpText.text(for:)) ?? HelpText.text, newline: false)
                return .success
            }
            // Any command reverts a change whose confirmation deadline passed; the watcher and
            // `confirm` do it themselves, under their own rules.
            if ![.watchConfirmation, .confirm].contains(invocation.verb) {
                OverdueConfirmation.revertBeforeCommand(invocation, output: output)
            }
            switch invocation.verb {
            case .plan: return try PlanCommand.run(invocation, output: output)
            case .apply: return try ApplyCommand.run(invocation, output: output)
            case .status: return try StatusCommand.run(invocation, output: output)
            case .rollback: return try RollbackCommand.run(invocation, output: output)
            case .confirm: return try ConfirmCommand.run(invocation, output: output)
            case .watchConfirmation: return try ConfirmationWatcher.run(invocation)
            case .facts: return try FactsCommand.run(invocation, output: output)
            case .probe: return try ProbeCommand.run(invocation, output: output)
            case .simulate: return try SimulateCommand.run(invocation, output: output)
            }
        } catch let error as UsageError {
            output.err("clawdie-firstboot: \(error)")
            return .usage
        } catch {
            output.err("clawdie-firstboot: \(error)")
            return .failure
        }
    }
}
