/// `pfctl -s info` as pfctl_parser.c `print_status()` prints it: the status line padded
/// with `%-44s` (with a duration once pf has been enabled or disabled), `Debug: Urgent` with
/// `%15s`, a blank line, then the state table and counters. All are zero here: the simulator
/// passes no packets, and its clock shows 00:00:00, so pf's run time is zero and
/// print_status leaves the rate column blank (`%14s` of "") instead of printing `%14.1f/s`.
enum PfctlStatusFormatter {
    static let counters = [
        "match", "bad-offset", "fragment", "short", "normalize", "memory", "bad-timestamp", "congestion",
        "ip-option", "proto-cksum", "state-mismatch", "state-insert", "state-limit", "src-limit", "synproxy",
        "map-failed",
    ]

    static func info(_ pf: PFRuntime) -> String {
        let status = (pf.enabled ? "Status: Enabled" : "Status: Disabled") + (pf.since ? " for 0 days 00:00:00" : "")
        var text = pad(status, 44) + leftPad("Debug: Urgent", 15) + "\n\n"
        text += pad("State Table", 27) + " " + leftPad("Total", 14) + " " + leftPad("Rate", 16) + "\n"
        text += "  " + pad("current entries", 25) + " " + leftPad("0", 14) + " " + leftPad("", 14) + "\n"
        for name in ["searches", "inserts", "removals"] {
            text += "  " + pad(name, 25) + " " + leftPad("0", 14) + " " + leftPad("", 14) + "\n"
        }
        text += "Counters\n"
        for name in counters {
            text += "  " + pad(name, 25) + " " + leftPad("0", 14) + " " + leftPad("", 14) + "\n"
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
