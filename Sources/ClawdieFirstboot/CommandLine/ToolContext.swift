import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FreeBSDHost

/// What every command works with: the settings, the host (real, or simulated from a host
/// profile) and the engine over the state directory.
struct ToolContext {
    static let defaultConfigPath = "/usr/local/etc/clawdie-firstboot.conf"
    static let defaultStateDirectory = "/var/db/clawdie-firstboot"

    var settings: Settings
    var host: any TargetHost
    var simulated: SimulatedHost?
    var stateDirectory: String
    var engine: Engine

    /// - Parameter changesHost: true for commands that change the host (apply, rollback,
    ///   simulate). With a host profile they need `--state-dir`, where the simulated host's
    ///   state lives; without one, read-only commands see the profile as it is.
    init(_ invocation: Invocation, changesHost: Bool) throws {
        try self.init(invocation, changesHost: changesHost, settings: Self.settings(invocation))
    }

    /// The same with settings given: the revert of an overdue change, which needs none, uses
    /// the defaults when the configuration cannot be read.
    init(_ invocation: Invocation, changesHost: Bool, settings: Settings) throws {
        self.settings = settings
        if let profile = invocation.hostProfile {
            guard let stateDirectory = invocation.stateDirectory ?? (changesHost ? nil : Self.unusedDirectory()) else {
                throw UsageError(message: "with --host-profile, \(invocation.verb.rawValue) needs --state-dir DIR to keep the simulated host's state")
            }
            let keepsState = changesHost || FileManager.default.fileExists(atPath: stateDirectory + "/" + SimulatedHost.stateFileName)
            if changesHost { try DurableFile.makeDirectory(stateDirectory) }
            let simulated = try SimulatedHost(profilePath: profile, stateDirectory: keepsState ? stateDirectory : nil)
            self.simulated = simulated
            host = simulated
            self.stateDirectory = stateDirectory
        } else {
            if invocation.verb == .simulate {
                throw UsageError(message: "simulate works on a simulated host: give --host-profile FILE")
            }
            host = SystemHost()
            stateDirectory = invocation.stateDirectory ?? Self.defaultStateDirectory
        }
        engine = Engine(steps: PlatformSteps.all(settings), host: host, stateDirectory: stateDirectory, toolVersion: toolVersion,
                        settingsDigest: settings.digest, failPoint: FailPoint.fromEnvironment())
        // The confirmation watcher holds the lock only to journal what it met or to revert:
        // an apply or rollback that meets it then waits rather than failing.
        engine.holdsLockBriefly = { [stateDirectory] pid in ConfirmationWatcher.recordedPid(stateDirectory: stateDirectory) == pid }
    }

    /// Progress on stderr (unless --quiet) and the boot log, told about the engine's runs from
    /// now on. The log starts with `command`, the command line as the operator would type it.
    @discardableResult
    func observe(_ invocation: Invocation, output: Output, command: String) -> BootLog {
        let clock = engine.clock
        let log = bootLog(output: output, command: command)
        var observers: [any RunObserver] = [log]
        if !invocation.quiet { observers.insert(ProgressPrinter(clock: clock, terminal: output.errIsTerminal, write: output.writeErr), at: 0) }
        engine.observer = RunObservers(observers)
        return log
    }

    /// The boot log of this context's host, its first line naming `command` and this process.
    func bootLog(output: Output, command: String) -> BootLog {
        let log = Self.bootLog(simulated: simulated != nil, stateDirectory: stateDirectory, clock: engine.clock, output: output)
        log.note("\(command) (pid \(getpid()), clawdie-firstboot \(toolVersion))")
        return log
    }

    /// The boot log of a host: the real one's, or a simulated host's under its state directory.
    static func bootLog(simulated: Bool, stateDirectory: String, clock: any EngineClock, output: Output) -> BootLog {
        BootLog(path: (simulated ? stateDirectory : "") + BootLog.path, clock: clock,
                warn: { output.err("clawdie-firstboot: warning: \($0)") })
    }

    /// The settings of the invocation's configuration file.
    static func settings(_ invocation: Invocation) throws -> Settings {
        try Settings.load(path: invocation.configPath ?? defaultConfigPath, mustExist: invocation.configPath != nil)
    }

    /// The state directory whose journal records what was done to the invocation's host;
    /// nil for a simulated host without `--state-dir`, which keeps no journal.
    static func journalDirectory(_ invocation: Invocation) -> String? {
        invocation.hostProfile == nil ? invocation.stateDirectory ?? defaultStateDirectory : invocation.stateDirectory
    }

    /// The phases a command works on: those asked for with --phase, else the configured ones.
    func phases(_ invocation: Invocation) -> [Phase] {
        invocation.phases.isEmpty ? settings.bootPhases : invocation.phases
    }

    /// A directory that does not exist: an empty journal for read-only commands on a profile.
    private static func unusedDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("clawdie-firstboot-none-\(getpid())").path
    }
}
