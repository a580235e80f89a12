/// pf's kernel state: whether it is on, what ruleset is loaded and the tables' contents.
struct PFRuntime: Encodable, Equatable, Sendable {
    var enabled = false
    /// pf has been enabled or disabled since the module was loaded: the kernel's
    /// `pf_status.since` is set, and `pfctl -s info` prints a duration also while disabled.
    var since = false
    /// The text of the loaded ruleset and the file it came from (`stdin` for piped rules);
    /// nil when no rules are loaded (pf then passes everything).
    var loadedText: String?
    var loadedPath: String?
    /// The interfaces that existed when the ruleset was loaded: rules naming an interface
    /// absent then do not match it later, which is the cold-boot race pf_reload fixes.
    var interfacesAtLoad: [String] = []
    /// Table name → addresses (`1.2.3.4` or `10.0.0.0/8`), sorted.
    var tables: [String: [String]] = [:]

    /// `pfctl -e` / `-d` (DIOCSTART / DIOCSTOP): both also set `pf_status.since`.
    mutating func setEnabled(_ on: Bool) {
        enabled = on
        since = true
    }
}
