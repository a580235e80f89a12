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
        return resolve(CommandLine.arguments[0], searchPath: ProcessInfo.processInfo.environment["PATH"] ?? "",
                       currentDirectory: FileManager.default.currentDirectoryPath,
                       isExecutable: FileManager.default.isExecutableFile(atPath:))
    }

    /// Where `argv0` names a binary, as a shell found it: a path (relative to
    /// `currentDirectory` unless absolute), else the first executable of that name along
    /// `searchPath`. Always absolute: the watcher it starts runs in `/`.
    static func resolve(_ argv0: String, searchPath: String, currentDirectory: String, isExecutable: (String) -> Bool) -> String {
        func absolute(_ path: some StringProtocol) -> String {
            path.hasPrefix("/") ? String(path) : currentDirectory + "/" + path
        }
        if argv0.contains("/") { return absolute(argv0) }
        for directory in searchPath.split(separator: ":") {
            let candidate = absolute(directory) + "/" + argv0
            if isExecutable(candidate) { return candidate }
        }
        return "/usr/local/sbin/clawdie-firstboot"
    }
}
