#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The absolute path of the running binary, to start a copy of it (the watcher).
enum SelfExecutable {
    static func path() throws -> String {
        #if os(Linux)
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        #endif
        let first = CommandLine.arguments[0]
        if first.hasPrefix("/") { return first }
        if first.contains("/") {
            return FileManager.default.currentDirectoryPath + "/" + first
        }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/\(first)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/local/bin/clawdie-firstboot"
    }
}
