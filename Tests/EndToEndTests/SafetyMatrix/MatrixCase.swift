import Foundation
import TestSupport

/// One case of the safety matrix: a bundled host profile and a bundled site configuration,
/// on a fresh host or on a host converged on another bundled site whose configuration then
/// changes to this one.
struct MatrixCase: CustomStringConvertible, Hashable {
    var profile: String
    var site: String
    /// The site the host converged on first; nil for a fresh host.
    var from: String?

    var description: String { "\(profile) \(from.map { "\($0) -> " } ?? "fresh -> ")\(site)" }

    static let hostsDirectory = RepositoryRoot.path + "/plans/hosts"
    static let sitesDirectory = RepositoryRoot.path + "/plans/sites"

    static func names(in directory: String, ext: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix("." + ext) }.map { String($0.dropLast(ext.count + 1)) }.sorted()
    }

    static var profiles: [String] { names(in: hostsDirectory, ext: "json") }
    static var sites: [String] { names(in: sitesDirectory, ext: "conf") }

    /// Every bundled profile with every bundled site, fresh and from every other site: the
    /// cases that do not apply (a site refused on a profile) are found by running them.
    static var all: [MatrixCase] {
        profiles.flatMap { profile in
            sites.flatMap { site in
                [MatrixCase(profile: profile, site: site, from: nil)]
                    + sites.filter { $0 != site }.map { MatrixCase(profile: profile, site: site, from: $0) }
            }
        }
    }

    var profilePath: String { Self.hostsDirectory + "/\(profile).json" }
    var sitePath: String { Self.sitesDirectory + "/\(site).conf" }
    var fromPath: String? { from.map { Self.sitesDirectory + "/\($0).conf" } }
}
