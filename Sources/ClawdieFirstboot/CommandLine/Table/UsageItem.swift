/// A piece of a command's synopsis. The same pieces print the help's `usage:` lines and the man
/// page's SYNOPSIS, so the two cannot say different things.
indirect enum UsageItem: Sendable {
    /// `[global options]`.
    case globalOptions
    /// A word of the command itself (`simulate`, `probe`).
    case word(String)
    /// A required option, with its value as the option table describes it.
    case option(String)
    /// A required option with one fixed value (`--phase lockdown`).
    case optionValue(String, String)
    /// Something that may be left out.
    case optional([UsageItem])
    /// One of several.
    case either([UsageItem])
}
