import FirstbootEngine
import Foundation
import FreeBSDHost
import TestSupport
@testable import ClawdieFirstboot

/// A simulated host from one of plans/hosts, with an engine over a fresh state directory.
struct SimulatedFixture {
    var host: SimulatedHost
    var engine: Engine
    var settings: Settings
    /// Holds the state directory (and the profile's copy) for as long as the fixture is used.
    private let scratch: TemporaryDirectory

    /// - Parameter phases: the phases whose steps the engine gets (the firstboot phase unless told).
    init(_ profile: String = "cloud-vm", settings: Settings = Settings(), phases: [Phase] = ["firstboot"],
         edit: ((inout HostProfile) -> Void)? = nil) throws {
        scratch = try TemporaryDirectory()
        let directory = scratch.path
        let path = RepositoryRoot.path + "/plans/hosts/\(profile).json"
        var loaded = try HostProfile.load(path: path)
        edit?(&loaded)
        host = try SimulatedHost(profile: loaded, profilePath: directory + "/profile.json", stateDirectory: directory)
        self.settings = settings
        engine = Engine(steps: PlatformSteps.all(settings).filter { phases.contains($0.phase) }, host: host, stateDirectory: directory, toolVersion: "test",
                        settingsDigest: settings.digest)
    }

    func plannedStep(_ id: StepID) throws -> PlannedStep {
        try engine.plan().steps.first { $0.id == id }!
    }

    func commands(of id: StepID) throws -> [String] {
        try plannedStep(id).changes.compactMap { planned in
            if case .run(let argv, _) = planned.change { return Command.display(argv) }
            return nil
        }
    }

    func run(_ argv: String...) throws -> CommandResult {
        try host.run(Command(argv))
    }

    func file(_ path: String) throws -> String? {
        try host.readFile(path).map { String(decoding: $0, as: UTF8.self) }
    }
}
