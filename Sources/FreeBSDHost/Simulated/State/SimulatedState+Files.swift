import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The file system: a map of regular files; directories exist implicitly as the parents of
/// files (and `/`). Symbolic links are not modelled.
extension SimulatedState {
    func text(at path: String) -> String? {
        files[path].map { String(decoding: $0.contents, as: UTF8.self) }
    }

    func isDirectory(_ path: String) -> Bool {
        let normalized = Self.normalize(path)
        if normalized == "/" { return true }
        let prefix = normalized + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    /// The first ancestor of `path` that is a regular file, if any.
    func fileAncestor(of path: String) -> String? {
        var parent = DurableFile.parentDirectory(of: path)
        while parent != "/" && parent != "." {
            if files[parent] != nil { return parent }
            parent = DurableFile.parentDirectory(of: parent)
        }
        return nil
    }

    mutating func writeFile(_ path: String, _ file: ProfileFile) throws(HostError) {
        guard path.hasPrefix("/"), !path.hasSuffix("/") else {
            throw HostError("cannot write \(path): the simulated host takes absolute file paths only")
        }
        let path = Self.normalize(path)
        if isDirectory(path) { throw HostError("cannot write \(path): it is a directory") }
        if let ancestor = fileAncestor(of: path) {
            throw HostError("cannot write \(path): \(ancestor) is a file, not a directory")
        }
        files[path] = file
    }

    func listDirectory(_ path: String) -> [String]? {
        let normalized = Self.normalize(path)
        guard isDirectory(normalized) else { return nil }
        let prefix = normalized == "/" ? "/" : normalized + "/"
        var names = Set<String>()
        for key in files.keys where key.hasPrefix(prefix) {
            if let first = key.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(first)) }
        }
        return names.sorted()
    }

    /// Collapses repeated and trailing slashes: `/etc//rc.conf/` → `/etc/rc.conf`.
    static func normalize(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return "/" + parts.joined(separator: "/")
    }
}
