import FirstbootEngine

/// The status word `waitpid` fills in. The W* macros are not imported into Swift; this is
/// their encoding, which Linux and FreeBSD share: the low seven bits hold the terminating
/// signal (0 when the child exited), the next byte holds the exit code.
struct WaitStatus {
    let raw: Int32

    var termination: Termination {
        let signal = raw & 0x7f
        if signal == 0 { return .exited((raw >> 8) & 0xff) }
        return .signaled(signal)
    }
}
