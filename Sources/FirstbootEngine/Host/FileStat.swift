/// Permission bits of a file, such as 0o644 or 0o555 (setuid/setgid/sticky included).
package typealias FileMode = UInt16

/// A numeric owner and group. On FreeBSD `root:wheel` is 0:0.
package struct FileOwner: Hashable, Sendable, Codable, CustomStringConvertible {
    package var uid: UInt32
    package var gid: UInt32

    package init(uid: UInt32, gid: UInt32) {
        self.uid = uid
        self.gid = gid
    }

    package static let root = FileOwner(uid: 0, gid: 0)
    package var description: String { "\(uid):\(gid)" }
}

package enum FileKind: String, Hashable, Sendable, Codable {
    case regular, directory, symlink, other
}

/// What `stat` (without following the final link) says of a path.
package struct FileStat: Hashable, Sendable {
    package var kind: FileKind
    package var mode: FileMode
    package var owner: FileOwner
    package var size: Int

    package init(kind: FileKind, mode: FileMode, owner: FileOwner, size: Int) {
        self.kind = kind
        self.mode = mode
        self.owner = owner
        self.size = size
    }
}

/// Renders a mode the way chmod(1) takes it: `0644`.
package func octal(_ mode: FileMode) -> String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
