/// The base system's rc.d scripts the simulator orders: every script of FreeBSD's
/// libexec/rc/rc.d with its real header (`BaseRCHeaders`; the 14.x headers on a 14.x
/// profile), so rcorder's sequence numbers are the real ones. The scripts the simulator
/// models, and the ordering points its boot report shows, have a behaviour; every other base
/// script is ordered but does nothing and is left out of the report.
enum BaseRCScripts {
    /// The base scripts with the base daemons of `daemons` modelled: a daemon's script gets
    /// its rcvar and behaviour, and one the header table lacks is added with its own header.
    static func all(freebsdVersion: String, daemons: [SimulatedDaemon] = SimulatedDaemon.table) -> [RCScript] {
        var scripts = PFRuleFormatter.major(freebsdVersion) >= 15 ? fifteen : fourteen
        for daemon in daemons where !daemon.isLocal {
            let script = RCScript(path: daemon.path, name: daemon.name, header: daemon.header ?? RCScriptHeader(provide: [daemon.name]),
                                  rcvar: daemon.rcvar, behavior: .daemon(daemon))
            if let index = scripts.firstIndex(where: { $0.path == daemon.path }) {
                scripts[index].rcvar = daemon.rcvar
                scripts[index].behavior = .daemon(daemon)
            } else {
                scripts.append(script)
            }
        }
        return scripts
    }

    /// Scripts the boot report lists, with the rcvar that enables them (the daemons among them
    /// are `SimulatedDaemon.table`'s entries).
    private static let modelled: [String: (rcvar: String?, behavior: RCScript.Behavior)] = [
        "root": (nil, .placeholder), "FILESYSTEMS": (nil, .placeholder), "hostname": (nil, .placeholder),
        "netif": (nil, .netif), "routing": (nil, .routing), "pf": ("pf_enable", .pf),
        "pflog": ("pflog_enable", .unmodelled), "pfsync": ("pfsync_enable", .unmodelled),
        "netwait": (nil, .placeholder), "NETWORKING": (nil, .placeholder),
        "SERVERS": (nil, .placeholder), "DAEMON": (nil, .placeholder), "LOGIN": (nil, .placeholder),
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
