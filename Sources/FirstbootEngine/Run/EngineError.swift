/// Why a plan, run or rollback stopped. Each prints as one line that names the step and
/// says what to do.
package enum EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A step could not be applied; its own changes were undone.
    case stepFailed(step: StepID, message: String)
    /// A step could not be applied and undoing its partial changes failed too.
    case undoFailed(step: StepID, message: String)
    /// A step refused to run before anything of it changed.
    case preconditionFailed(step: StepID, message: String)
    /// A step needs a step of another phase that is not done.
    case requirementNotDone(step: StepID, requirement: StepID, phase: Phase)
    /// Rollback reached a step that cannot be undone.
    case irreversible(step: StepID, reason: String)
    /// `rollback --to STEP` names a step that is not done.
    case notDone(step: StepID)
    /// Rolling these steps back would pull the ground from under steps that stay.
    case dependentsRemain(step: StepID, dependent: StepID)
    /// A file the step changed was changed again later by a step that stays.
    case laterChangeRemains(step: StepID, path: String, later: StepID, phase: Phase)
    case unknownStep(StepID)
    case scheduling(SchedulerError)

    package var description: String {
        switch self {
        case .stepFailed(let step, let message):
            "step \(step) failed: \(message); its changes were undone — fix the cause and run apply again"
        case .undoFailed(let step, let message):
            "step \(step) failed and could not be fully undone: \(message); the journal records what remains — fix the cause and run rollback or apply again"
        case .preconditionFailed(let step, let message):
            "step \(step) cannot run: \(message); nothing was changed"
        case .requirementNotDone(let step, let requirement, let phase):
            "step \(step) requires \(requirement) of phase \(phase), which is not done and the host does not match it yet; run apply --phase \(phase) first"
        case .irreversible(let step, let reason):
            "step \(step) cannot be rolled back: \(reason)"
        case .notDone(let step):
            "step \(step) is not done, so there is nothing to roll back to; see status"
        case .dependentsRemain(let step, let dependent):
            "cannot roll back \(step): \(dependent) depends on it and stays; roll back \(dependent)'s phase first"
        case .laterChangeRemains(let step, let path, let later, let phase):
            "cannot roll back \(step): \(path) was changed after it by \(later), which stays; roll back phase \(phase) first"
        case .unknownStep(let step):
            "unknown step \(step); status lists the steps"
        case .scheduling(let error):
            error.description
        }
    }
}
