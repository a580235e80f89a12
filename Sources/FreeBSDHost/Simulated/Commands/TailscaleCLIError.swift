/// How a tailscale(1) invocation fails: a flag error (Go's flag package, exit 2) or an error
/// the command returns or dies with (exit 1), each one line or more on stderr.
enum TailscaleCLIError: Error {
    case usage(String)
    case failed(String)

    var output: CommandOutput {
        switch self {
        case .usage(let message): CommandOutput(stderr: message + "\n", status: 2)
        case .failed(let message): CommandOutput(stderr: message.hasSuffix("\n") ? message : message + "\n", status: 1)
        }
    }

    var message: String {
        switch self {
        case .usage(let message), .failed(let message): message
        }
    }
}
