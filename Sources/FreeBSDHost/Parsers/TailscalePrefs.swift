#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The parts of `tailscale debug prefs` (tailscaled's `ipn.Prefs`, printed with Go's
/// `json.MarshalIndent`) the subnet phase reads: the routes this node advertises. The
/// advertised routes are a preference of the node; `tailscale status --json` shows only
/// those control approved (docs/host-profile.md).
package struct TailscalePrefs: Hashable, Sendable {
    /// `AdvertiseRoutes`, as written (`192.168.100.0/24`); empty when `null` or absent. The
    /// exit-node routes (`0.0.0.0/0`, `::/0`) are among them when the node offers to be one.
    package var advertiseRoutes: [String]

    package init(advertiseRoutes: [String] = []) {
        self.advertiseRoutes = advertiseRoutes
    }

    /// The advertised routes without the exit-node pair, as `tailscale set
    /// --advertise-routes` takes them (it keeps the exit-node offer by itself).
    package var subnetRoutes: [String] {
        advertiseRoutes.filter { $0 != "0.0.0.0/0" && $0 != "::/0" }
    }

    private static let subject = "`tailscale debug prefs` output"

    package static func parse(_ output: String) throws(ParseError) -> TailscalePrefs {
        let object: Document
        do {
            object = try JSONDecoder().decode(Document.self, from: Data(output.utf8))
        } catch {
            throw ParseError(subject: subject, expected: "a JSON object with \"AdvertiseRoutes\" as a list of strings or null",
                             line: String(output.prefix(80)))
        }
        return TailscalePrefs(advertiseRoutes: object.AdvertiseRoutes ?? [])
    }

    private struct Document: Decodable {
        var AdvertiseRoutes: [String]?
    }
}
