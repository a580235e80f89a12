/// The fixed names pfctl knows: reserved words, service names, ICMP type names.
enum PFVocabulary {
    /// Words pfctl's lexer turns into keywords, so they cannot name a macro, an interface or a
    /// host unless quoted.
    static let keywords: Set<String> = [
        "all", "allow-opts", "altq", "anchor", "antispoof", "any", "bandwidth", "binat",
        "binat-anchor", "bitmask", "block", "block-policy", "buckets", "cbq", "code", "codelq",
        "crop", "debug", "divert-reply", "divert-to", "dnpipe", "dnqueue", "drop", "drop-ovl",
        "dup-to", "ether", "fail-policy", "fairq", "fastroute", "file", "fingerprints", "flags",
        "floating", "flush", "for", "fragment", "from", "global", "group", "hfsc", "hogs",
        "hostid", "icmp-type", "icmp6-type", "if-bound", "in", "include", "inet", "inet6",
        "interval", "keep", "keepcounters", "label", "limit", "linkshare", "load", "log",
        "loginterface", "match", "max", "max-mss", "max-src-conn", "max-src-conn-rate",
        "max-src-nodes", "max-src-states", "min-ttl", "modulate", "nat", "nat-anchor", "no",
        "no-df", "no-route", "no-sync", "on", "optimization", "os", "out", "overload", "pass",
        "pflow", "port", "prio", "priority", "priq", "probability", "proto", "qlimit", "queue",
        "quick", "random", "random-id", "rdr", "rdr-anchor", "realtime", "reassemble",
        "reply-to", "require-order", "return", "return-icmp", "return-icmp6", "return-rst",
        "round-robin", "route", "route-to", "rtable", "rule", "ruleset-optimization", "scrub",
        "set", "set-tos", "skip", "sloppy", "source-hash", "source-track", "state",
        "state-defaults", "state-policy", "static-port", "sticky-address", "syncookies",
        "synproxy", "table", "tag", "tagged", "tbrsize", "timeout", "to", "tos", "ttl",
        "upperlimit", "urpf-failed", "user",
    ]

    /// Service names resolved to ports (the common part of /etc/services for tcp and udp).
    static let servicePorts: [String: UInt16] = [
        "ftp-data": 20, "ftp": 21, "ssh": 22, "telnet": 23, "smtp": 25, "domain": 53,
        "bootps": 67, "bootpc": 68, "tftp": 69, "http": 80, "www": 80, "kerberos": 88,
        "pop3": 110, "sunrpc": 111, "auth": 113, "ntp": 123, "netbios-ns": 137, "imap": 143,
        "snmp": 161, "snmptrap": 162, "bgp": 179, "ldap": 389, "https": 443, "isakmp": 500,
        "syslog": 514, "submission": 587, "ldaps": 636, "imaps": 993, "pop3s": 995,
        "openvpn": 1194, "nfsd": 2049, "mysql": 3306, "postgresql": 5432, "vnc": 5900,
    ]

    /// ICMP (IPv4) type names pfctl accepts after `icmp-type`.
    static let icmpTypes: Set<String> = [
        "echorep", "unreach", "squench", "redir", "althost", "echoreq", "routeradv", "routersol",
        "timex", "paramprob", "timereq", "timerep", "inforeq", "inforep", "maskreq", "maskrep",
        "trace", "dataconv", "mobredir", "ipv6-where", "ipv6-here", "mobregreq", "mobregrep",
        "skip", "photuris",
    ]

    /// ICMPv6 type names pfctl accepts after `icmp6-type`.
    static let icmp6Types: Set<String> = [
        "unreach", "toobig", "timex", "paramprob", "echoreq", "echorep", "groupqry", "listqry",
        "grouprep", "listenrep", "listendone", "routersol", "routeradv", "neighbrsol",
        "neighbradv", "redir", "routrrenum", "wrureq", "wrurep", "fqdnreq", "fqdnrep", "niqry",
        "nirep", "mtraceresp", "mtrace",
    ]
}
