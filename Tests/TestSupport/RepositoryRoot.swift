import Foundation

/// The repository's root folder, found from this source file's path: the tests read the
/// profiles, sites, scripts and docs beside them, wherever the clone is.
public enum RepositoryRoot {
    public static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The text of the file at `relative` below the root.
    public static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }
}
