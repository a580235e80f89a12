/// A package as `pkg info` lists it: `tailscale-1.82.5`.
package struct InstalledPackage: Hashable, Sendable {
    package var name: String
    package var version: String

    package init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}
