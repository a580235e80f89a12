/// The names pfctl prints for ports, from FreeBSD's /etc/services
/// (freebsd-src usr.sbin/services_mkdb/services @1b1334b1) — only the ports the platform's
/// rules and the pfctl regression outputs use; any other port prints as its number, as pfctl
/// prints a port /etc/services does not name.
enum ServiceNames {
    /// Port → name, for both tcp and udp unless listed in `tcpOnly`.
    private static let names: [Int: String] = [
        21: "ftp", 22: "ssh", 23: "telnet", 25: "smtp", 53: "domain", 80: "http", 123: "ntp",
        443: "https", 5900: "vnc-server", 6667: "ircd",
    ]
    /// /etc/services lists ircd for tcp only.
    private static let tcpOnly: Set<Int> = [6667]

    static func name(port: Int, proto: String) -> String? {
        guard let name = names[port], proto == "tcp" || !tcpOnly.contains(port) else { return nil }
        return name
    }
}
