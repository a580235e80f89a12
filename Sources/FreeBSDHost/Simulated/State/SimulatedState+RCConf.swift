#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// rc.conf as rc.subr's `load_rc_config` sees it: /etc/defaults/rc.conf, then /etc/rc.conf,
/// then /etc/rc.conf.local, the last assignment winning.
extension SimulatedState {
    static let rcConfFiles = ["/etc/rc.conf", "/etc/rc.conf.local"]

    /// The value of `key` in `files` (default: the rc.conf files), else its default.
    func rcValue(_ key: String, files paths: [String] = SimulatedState.rcConfFiles) -> String? {
        for path in paths.reversed() {
            if let text = text(at: path), let document = try? RCConfDocument(text: text, path: path),
               let value = document.value(of: key) {
                return value
            }
        }
        return RCDefaults.values[key]
    }

    /// rc.subr's `checkyesno`: YES, TRUE, ON or 1 in any case.
    static func isYes(_ value: String?) -> Bool {
        guard let value else { return false }
        return ["yes", "true", "on", "1"].contains(value.lowercased())
    }

    func rcEnabled(_ key: String) -> Bool { Self.isYes(rcValue(key)) }

    /// The words of a list variable such as `cloned_interfaces`.
    func rcWords(_ key: String) -> [String] {
        (rcValue(key) ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
}
