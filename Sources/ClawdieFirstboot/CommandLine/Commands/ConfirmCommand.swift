import FirstbootEngine

/// `confirm`: keeps a change that is waiting for confirmation. Run it from an SSH session over
/// the tailnet: that the session works is what it confirms.
enum ConfirmCommand {
    static func run(_ invocation: Invocation, output: Output) throws -> ExitStatus {
        let context = try ToolContext(invocation, changesHost: true)
        let step = try context.engine.confirm()
        output.out("confirmed: \(step) stays")
        return .success
    }
}
