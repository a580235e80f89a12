/// Renders a firewall policy as `/etc/pf.conf` text, section by section in pf.conf(5)'s
/// order, each rule under the comment that says why it is there.
enum PFConfRenderer {
    /// The first line of every file the tool renders: how `write-pf-conf` tells its own
    /// file from an operator's.
    static let header = "# /etc/pf.conf - written by clawdie-firstboot."

    static func render(_ policy: FirewallPolicy) -> String {
        var lines = [
            header,
            "# Do not edit by hand: change /usr/local/etc/clawdie-firstboot.conf and run",
            "# `clawdie-firstboot apply`; `clawdie-firstboot plan` shows the change first.",
            "# Statements follow pf.conf(5)'s order: macros, tables, options, normalization,",
            "# translation, filtering. Rules are last-match-wins unless marked quick.",
            "",
            "# --- Macros",
        ]
        for macro in policy.macros {
            lines += ["# " + macro.comment, "\(macro.name) = \"\(macro.value)\""]
        }
        lines += ["", "# --- Tables"]
        for table in policy.tables {
            lines += table.comment.map { "# " + $0 }
            lines.append("table <\(table.name)> persist" + (table.entries.isEmpty ? "" : " { " + table.entries.joined(separator: ", ") + " }"))
        }
        lines += ["", "# --- Options"] + policy.options
        lines += ["", "# --- Normalization"] + policy.normalization
        lines += ["", "# --- Translation"]
        for nat in policy.translation {
            lines += ["# " + nat.comment, nat.rule]
        }
        for section in policy.sections {
            lines += ["", "# --- \(section.title)"]
            lines += section.note.map { "# " + $0 }
            for rule in section.rules {
                lines.append("# " + rule.comment)
                lines.append((section.commentedOut ? "# " : "") + rule.text)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
