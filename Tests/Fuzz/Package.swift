// swift-tools-version: 6.0
// libFuzzer harnesses for the project's parsers, kept out of the project's own `swift build`
// and `swift test`. The project's modules are built here from the same sources (Sources/ holds
// links to ../../Sources/<module>), so the harnesses see their package-level API. Build with
// Tests/Fuzz/run (docs/testing.md), which passes -sanitize=fuzzer,address.
import PackageDescription

let harnesses = [
    "FuzzJSON", "FuzzJournal", "FuzzHostProfile", "FuzzSimulatedState", "FuzzRCConf", "FuzzSettings",
    "FuzzPFConf", "FuzzRoute", "FuzzIfconfig", "FuzzSysrc", "FuzzTailscale", "FuzzPfctl",
]

let package = Package(
    name: "clawdie-firstboot-fuzz",
    targets: [
        .target(name: "FirstbootEngine"),
        .target(name: "FreeBSDHost", dependencies: ["FirstbootEngine"]),
        .target(name: "ClawdieFirstboot", dependencies: ["FirstbootEngine", "FreeBSDHost"]),
        // Declares libFuzzer's LLVMFuzzerRunDriver, which -sanitize=fuzzer links in.
        .target(name: "FuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["FuzzerDriver"]),
    ] + harnesses.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", "FirstbootEngine", "FreeBSDHost", "ClawdieFirstboot"])
    },
    swiftLanguageModes: [.v6]
)
