/// The base system's rc.d scripts the simulator orders: every script of FreeBSD's
/// libexec/rc/rc.d with its real header (`BaseRCHeaders`; the 14.x headers on a 14.x
/// profile), so rcorder's sequence numbers are the real ones. The scripts the simulator
/// models, and the ordering points its boot report shows, have a behaviour; every other base
/// script is ordered but does nothing and is left out of the report.
enum BaseRCScripts {
    static func all(freebsdVersion: String) -> [RCScript] {
        PFRuleFormatter.major(freebsdVersion) >= 15 ? fifteen : fourteen
    }

    /// Scripts the boot report lists, with the rcvar that enables them.
    private static let modelled: [String: (rcvar: String?, behavior: RCScript.Behavior)] = [
        "root": (nil, .placeholder), "FILESYSTEMS": (nil, .placeholder), "hostname": (nil, .placeholder),
        "netif": (nil, .netif), "routing": (nil, .routing), "pf": ("pf_enable", .pf),
        "pflog": ("pflog_enable", .unmodelled), "pfsync": ("pfsync_enable", .unmodelled),
        "devd": ("devd_enable", .daemon), "netwait": (nil, .placeholder), "NETWORKING": (nil, .placeholder),
        "syslogd": ("syslogd_enable", .daemon), "SERVERS": (nil, .placeholder), "DAEMON": (nil, .placeholder),
        "ntpd": ("ntpd_enable", .daemon), "LOGIN": (nil, .placeholder),
        "sshd": ("sshd_enable", .daemon), "cron": ("cron_enable", .daemon),
    ]

    private static let fifteen = scripts(rows(BaseRCHeaders.table, withCommit: true))
    private static let fourteen: [RCScript] = {
        var table = rows(BaseRCHeaders.table, withCommit: true)
        for (name, header) in rows(BaseRCHeaders.overrides14, withCommit: false) { table[name] = header }
        return scripts(table)
    }()

    private static func scripts(_ table: [String: RCScriptHeader]) -> [RCScript] {
        table.keys.sorted().map { name in
            let model = modelled[name]
            return RCScript(path: "/etc/rc.d/\(name)", name: name, header: table[name]!, rcvar: model?.rcvar ?? nil,
                            behavior: model?.behavior ?? .unlisted)
        }
    }

    /// `name|[commit|]PROVIDE|REQUIRE|BEFORE|KEYWORD` rows; `;` joins a script's REQUIRE lines.
    private static func rows(_ text: String, withCommit: Bool) -> [String: RCScriptHeader] {
        var table: [String: RCScriptHeader] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            var fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if withCommit, fields.count > 1 { fields.remove(at: 1) }
            guard fields.count == 5 else { continue }
            func words(_ field: String) -> [String] {
                field.split(whereSeparator: { $0 == " " || $0 == ";" }).map(String.init)
            }
            table[fields[0]] = RCScriptHeader(provide: words(fields[1]), require: words(fields[2]),
                                              before: words(fields[3]), keywords: words(fields[4]))
        }
        return table
    }
}
