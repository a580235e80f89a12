// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "clawdie-firstboot",
    products: [
        .executable(name: "clawdie-firstboot", targets: ["clawdie-firstboot"]),
    ],
    targets: [
        // Generic: steps, changes, scheduler, journal, runner, rollback. Knows nothing of FreeBSD.
        .target(name: "FirstbootEngine"),
        // The host seam's two implementations (real and simulated) and FreeBSD's parsers.
        .target(name: "FreeBSDHost", dependencies: ["FirstbootEngine"]),
        // The platform: settings, pf ruleset, rc.d scripts, the phases' steps, the commands.
        .target(name: "ClawdieFirstboot", dependencies: ["FirstbootEngine", "FreeBSDHost"]),
        .executableTarget(name: "clawdie-firstboot", dependencies: ["ClawdieFirstboot"]),
        // What the test targets share (temporary directories, the repository root, step ids and
        // phases as literals); a library for the tests only: no product, and nothing the binary links.
        .target(name: "TestSupport", dependencies: ["FirstbootEngine"], path: "Tests/TestSupport"),
        .testTarget(name: "FirstbootEngineTests", dependencies: ["FirstbootEngine", "TestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "FreeBSDHostTests",
            dependencies: ["FreeBSDHost", "FirstbootEngine", "TestSupport"],
            exclude: ["Golden"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ClawdieFirstbootTests", dependencies: ["ClawdieFirstboot", "FreeBSDHost", "FirstbootEngine", "TestSupport"],
                    exclude: ["Golden"]),
        // Drives the built binary as an operator or CI would, against simulated hosts.
        // The safety matrix among them runs most cases in-process against the simulated host.
        .testTarget(name: "EndToEndTests", dependencies: ["clawdie-firstboot", "ClawdieFirstboot", "FreeBSDHost", "FirstbootEngine", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
