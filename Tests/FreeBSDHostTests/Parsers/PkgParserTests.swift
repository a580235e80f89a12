import Testing
@testable import FreeBSDHost

@Suite struct PkgParserTests {
    @Test func splitsNameAndVersionAtTheLastDash() throws {
        let output = """
        ca_root_nss-3.108              Root certificate bundle from the Mozilla Project
        pkg-2.1.0                      Package manager
        py311-pip-23.3.2_1             Tool for installing and managing Python packages
        tailscale-1.82.5               Mesh VPN that makes it easy to connect your devices
        php83-8.3.8,1 PHP Scripting Language

        """
        #expect(try PkgOutput.installedPackages(output) == [
            InstalledPackage(name: "ca_root_nss", version: "3.108"),
            InstalledPackage(name: "pkg", version: "2.1.0"),
            InstalledPackage(name: "py311-pip", version: "23.3.2_1"),
            InstalledPackage(name: "tailscale", version: "1.82.5"),
            InstalledPackage(name: "php83", version: "8.3.8,1"),
        ])
        #expect(try PkgOutput.installedPackages("").isEmpty)
    }

    @Test(arguments: [
        ("pkg-install-no-match.stderr.txt", "py39-pillow"),
        ("pkg-install-no-match-opnsense.txt", "os-helloworld2"),
    ])
    func recognisesAPackageTheRepositoriesDoNotHave(fixture: String, name: String) throws {
        #expect(PkgOutput.unavailablePackage(in: try ParserFixture.text(fixture)) == name)
    }

    @Test func aSuccessfulInstallNamesNoMissingPackage() throws {
        #expect(PkgOutput.unavailablePackage(in: try ParserFixture.text("pkg-install-y-tailscale.txt")) == nil)
    }

    @Test(arguments: ["   tailscale-1.82.5  indented\n", "tailscale  no version\n", "-1.0  no name\n", "tailscale-  empty version\n"])
    func rejectsLinesWithoutNameAndVersion(output: String) {
        let error = ParserFixture.parseError { _ = try PkgOutput.installedPackages(output) }
        #expect(error?.expected == "a line \"name-version  comment\"")
        #expect(error?.lineNumber == 1)
    }
}
