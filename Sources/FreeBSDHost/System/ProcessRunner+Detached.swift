import FirstbootEngine

extension ProcessRunner {
    /// Starts `command` and does not wait for it: a process that outlives the caller, such as
    /// the watcher that reverts an unconfirmed change. It gets /dev/null for stdin, stdout and
    /// stderr (so it holds none of the caller's pipes), `/` as its directory, the command's
    /// environment, and its own process group. Nobody reaps it: when the caller exits it is
    /// handed to init, which does.
    package func spawnDetached(_ command: Command) throws -> Int32 {
        try Self.validate(command)
        return try Self.spawn(command, stdout: nil, stderr: nil)
    }
}
