import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `readKey`/`writeKey` for any host, as edits of the file through the host's own file calls.
///
/// Both the system host and the simulated host edit rc.conf this way rather than through
/// sysrc(8): the whole file is written durably in one rename, its mode and owner are kept,
/// and restoring a key's old value gives back the original bytes.
package protocol RCConfKeyEditing: TargetHost {}

extension RCConfKeyEditing {
    package func readKey(_ key: String, inFile path: String) throws -> String? {
        guard let data = try readFile(path) else { return nil }
        // Read on every observation of a key, so only the lines of that key are parsed.
        return RCConfDocument.value(of: key, inBytes: [UInt8](data))
    }

    package func writeKey(_ key: String, value: String?, inFile path: String) throws {
        let existing = try readFile(path)
        var document = try document(existing ?? Data(), path: path)
        if let value { document.set(key, to: value) } else { document.unset(key) }
        let status = try stat(path)
        let bytes = Data(document.bytes)
        if let existing, bytes == existing { return }
        if existing == nil && value == nil { return }
        try writeFile(path, contents: bytes, mode: status?.mode ?? 0o644, owner: status?.owner ?? .root)
    }

    private func document(_ bytes: Data, path: String) throws -> RCConfDocument {
        do {
            return try RCConfDocument(bytes: bytes, path: path)
        } catch {
            throw HostError(error.description, cause: error)
        }
    }
}
