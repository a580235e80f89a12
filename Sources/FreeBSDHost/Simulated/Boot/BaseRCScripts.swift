/// The base system rc.d scripts the simulator orders and runs. Headers follow
/// libexec/rc/rc.d of FreeBSD 14, reduced to the dependencies among these scripts (netwait
/// requires pf, which is what puts pf before NETWORKING in a real rcorder listing).
enum BaseRCScripts {
    static let all: [RCScript] = [
        base("root", require: []),
        base("FILESYSTEMS", require: ["root"]),
        base("hostname", require: ["FILESYSTEMS"]),
        base("netif", require: ["FILESYSTEMS"], keywords: ["nojailvnet"], behavior: .netif),
        base("pflog", require: ["FILESYSTEMS", "netif"], keywords: ["nojailvnet"], rcvar: "pflog_enable", behavior: .unmodelled),
        base("pfsync", require: ["FILESYSTEMS", "netif"], keywords: ["nojailvnet"], rcvar: "pfsync_enable", behavior: .unmodelled),
        base("routing", require: ["netif"], keywords: ["nojailvnet"], behavior: .routing),
        base("pf", require: ["FILESYSTEMS", "netif", "pflog", "pfsync", "routing"], keywords: ["nojailvnet"], rcvar: "pf_enable", behavior: .pf),
        base("devd", require: ["netif"], keywords: ["nojailvnet"], rcvar: "devd_enable", behavior: .daemon),
        base("netwait", require: ["devd", "pf", "routing"], keywords: ["nojail"]),
        base("NETWORKING", provide: ["NETWORKING", "NETWORK"], require: ["netif", "netwait", "routing"]),
        base("syslogd", require: ["FILESYSTEMS", "NETWORKING"], before: ["SERVERS"], rcvar: "syslogd_enable", behavior: .daemon),
        base("SERVERS", require: ["NETWORKING"]),
        base("DAEMON", require: ["NETWORKING", "SERVERS"]),
        base("ntpd", require: ["DAEMON", "FILESYSTEMS"], before: ["LOGIN"], keywords: ["nojail", "shutdown"], rcvar: "ntpd_enable", behavior: .daemon),
        base("LOGIN", require: ["DAEMON"]),
        base("sshd", require: ["LOGIN", "FILESYSTEMS"], keywords: ["shutdown"], rcvar: "sshd_enable", behavior: .daemon),
        base("cron", require: ["LOGIN", "FILESYSTEMS"], keywords: ["shutdown"], rcvar: "cron_enable", behavior: .daemon),
    ]

    private static func base(
        _ name: String, provide: [String]? = nil, require: [String], before: [String] = [], keywords: [String] = [],
        rcvar: String? = nil, behavior: RCScript.Behavior = .placeholder
    ) -> RCScript {
        RCScript(
            path: "/etc/rc.d/\(name)", name: name,
            header: RCScriptHeader(provide: provide ?? [name], require: require, before: before, keywords: keywords),
            rcvar: rcvar, behavior: behavior)
    }
}
