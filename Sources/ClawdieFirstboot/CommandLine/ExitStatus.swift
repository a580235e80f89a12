/// The tool's exit statuses, decided in one place (docs/clawdie-firstboot.8, EXIT STATUS).
enum ExitStatus: Int32 {
    /// Done, nothing to do, or the state was reported.
    case success = 0
    /// A step, a run or a check failed, or the configuration, journal or host profile is
    /// unusable. The message on stderr (and the journal) says where.
    case failure = 1
    /// `plan` only: applying would change the host.
    case changesPending = 2
    /// The command line itself is wrong.
    case usage = 64
}
