import FirstbootEngine

/// The users and groups of FreeBSD's base system (/etc/passwd, /etc/group), so profiles can
/// say `root:wheel` or `root:operator` as an operator would.
enum FileOwnerNames {
    static let users: [String: UInt32] = [
        "root": 0, "toor": 0, "daemon": 1, "operator": 2, "bin": 3, "tty": 4, "kmem": 5, "games": 7,
        "news": 8, "man": 9, "sshd": 22, "smmsp": 25, "mailnull": 26, "bind": 53, "unbound": 59,
        "proxy": 62, "_pflogd": 64, "_dhcp": 65, "uucp": 66, "pop": 68, "auditdistd": 78, "www": 80,
        "_ypldap": 160, "hast": 845, "tests": 977, "nobody": 65534,
    ]
    static let groups: [String: UInt32] = [
        "wheel": 0, "daemon": 1, "kmem": 2, "sys": 3, "tty": 4, "operator": 5, "mail": 6, "bin": 7,
        "news": 8, "man": 9, "games": 13, "ftp": 14, "staff": 20, "sshd": 22, "smmsp": 25, "mailnull": 26,
        "guest": 31, "video": 44, "realtime": 47, "bind": 53, "unbound": 59, "proxy": 62, "authpf": 63,
        "_pflogd": 64, "_dhcp": 65, "uucp": 66, "dialer": 68, "network": 69, "audit": 77, "www": 80,
        "u2f": 116, "hast": 845, "nogroup": 65533, "nobody": 65534,
    ]

    /// Parses `user:group` with names or numbers.
    static func parse(_ text: String) -> FileOwner? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let uid = users[String(parts[0])] ?? UInt32(parts[0]),
              let gid = groups[String(parts[1])] ?? UInt32(parts[1]) else { return nil }
        return FileOwner(uid: uid, gid: gid)
    }

    /// `root:wheel` for 0:0 (how FreeBSD's own files are written), numbers otherwise.
    static func format(_ owner: FileOwner) -> String {
        owner == .root ? "root:wheel" : "\(owner.uid):\(owner.gid)"
    }
}
