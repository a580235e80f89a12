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
        return resolve(argv0: CommandLine.arguments[0], searchPath: ProcessInfo.processInfo.environment["PATH"] ?? "",
                       currentDirectory: FileManager.default.currentDirectoryPath,
                       isExecutable: FileManager.default.isExecutableFile(atPath:))
    }

    /// Without /proc (FreeBSD mounts none by default): argv[0] as given when absolute, under
    /// the working directory when relative, else the first executable of that name in PATH,
    /// else the installed path.
    static func resolve(argv0 first: String, searchPath: String, currentDirectory: String,
                        isExecutable: (String) -> Bool) -> String {
        if first.hasPrefix("/") { return first }
        if first.contains("/") {
            return currentDirectory + "/" + first
        }
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/\(first)"
            if isExecutable(candidate) { return candidate }
        }
        return "/usr/local/bin/clawdie-firstboot"
    }
}
