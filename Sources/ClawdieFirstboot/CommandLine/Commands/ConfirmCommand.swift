import FirstbootEngine

/// `confirm`: keeps a change that is waiting for confirmation. Run it from an SSH session over
/// the tailnet: that the session works is what it confirms.
enum ConfirmCommand {
    static func run(_ invocation: Invocation, output: Output) throws -> ExitStatus {
        // Like the revert it may do, keeping or reverting the change needs the journal, not the
        // configuration: one edited badly in the window must not stop either.
        let (context, _) = try OverdueConfirmation.context(invocation)
        // The log says whether the change was kept in time: after a lockout it is what tells why.
        let log = context.bootLog(output: output, command: "confirm")
        let step: StepID
        do {
            step = try context.engine.confirm()
        } catch {
            log.note("confirm FAILED: \(error)")
            throw error
        }
        log.note("confirmed: \(step) stays")
        output.out("confirmed: \(step) stays")
        return .success
    }
}
