#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The command line: parses the arguments, runs the command and returns the exit status.
package enum CommandLineTool {
    package static let usage = """
    usage: clawdie-firstboot --help | --version

    Brings a FreeBSD host of the Clawdie-AI platform to a firewalled, ready state through a
    journaled, resumable and reversible step engine.
    """

    package static func main(_ arguments: [String]) -> Int32 {
        switch arguments.first {
        case "--help", "-h", "help":
            print(usage)
            return 0
        case "--version":
            print("clawdie-firstboot \(toolVersion)")
            return 0
        default:
            FileHandleOutput.standardError("clawdie-firstboot: unknown command \(arguments.first ?? "(none)"); see clawdie-firstboot --help")
            return 1
        }
    }
}

/// Writes a line to standard error.
enum FileHandleOutput {
    static func standardError(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}
