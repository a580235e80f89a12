/// `pfctl -s info` as pfctl_parser.c `print_status()` prints it: the status line padded
/// with `%-44s`, `Debug: Urgent` with `%15s`, a blank line, then the state table and
/// counters (all zero here: the simulator passes no packets; its clock shows 00:00:00).
enum PfctlStatusFormatter {
    static let counters = [
        "match", "bad-offset", "fragment", "short", "normalize", "memory", "bad-timestamp", "congestion",
        "ip-option", "proto-cksum", "state-mismatch", "state-insert", "state-limit", "src-limit", "synproxy",
        "map-failed",
    ]

    static func info(enabled: Bool) -> String {
        let status = enabled ? "Status: Enabled for 0 days 00:00:00" : "Status: Disabled"
        var text = pad(status, 44) + leftPad("Debug: Urgent", 15) + "\n\n"
        text += pad("State Table", 27) + " " + leftPad("Total", 14) + " " + leftPad("Rate", 16) + "\n"
        text += "  " + pad("current entries", 25) + " " + leftPad("0", 14) + " " + leftPad("", 14) + "\n"
        for name in ["searches", "inserts", "removals"] {
            text += "  " + pad(name, 25) + " " + leftPad("0", 14) + " " + leftPad("0.0", 14) + "/s\n"
        }
        text += "Counters\n"
        for name in counters {
            text += "  " + pad(name, 25) + " " + leftPad("0", 14) + " " + leftPad("0.0", 14) + "/s\n"
        }
        return text
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
