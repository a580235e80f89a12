import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A FreeBSD 14/15 host modelled in memory, started from a host profile, that answers the
/// commands the tool runs with FreeBSD's output and exit status (docs/host-profile.md).
///
/// With a state directory the evolving host (files, interfaces, pf, services, …) is kept in
/// `<stateDirectory>/simulated-host.json`, rewritten durably after every change, so
/// successive processes see one host, as successive runs on a real machine would.
package final class SimulatedHost: TargetHost, RCConfKeyEditing {
    package static let stateFileName = "simulated-host.json"

    package let profilePath: String
    package let stateDirectory: String?
    var state: SimulatedState
    /// The profile, unless the host was restored from a state directory (`profileData` then).
    private let loadedProfile: HostProfile?
    private let profileData: Data
    /// The profile's transcripts and faults: what `run` answers from.
    private let scripts: ProfileScripts

    /// The host profile this host was made from.
    package var profile: HostProfile {
        get throws { try loadedProfile ?? HostProfile.decode(profileData, path: profilePath) }
    }

    /// Loads the profile at `profilePath` and the host state (from the state directory when
    /// it holds one, else fresh from the profile).
    package convenience init(profilePath: String, stateDirectory: String?) throws {
        guard let data = FileManager.default.contents(atPath: profilePath) else {
            throw HostError("cannot read host profile \(profilePath): no such readable file; check the --host-profile path")
        }
        let digest = SHA256.hex(data)
        // A saved state made from these very bytes means they were decoded and checked when it
        // was made: only the transcripts and faults are read again. Anything else (no state, a
        // damaged one, another profile) takes the full path, which reports it as before.
        if let stateDirectory, let saved = try? Self.loadState(directory: stateDirectory), saved.profileDigest == digest {
            self.init(restoring: saved, profileData: data, scripts: try ProfileScripts.decode(data, path: profilePath), profilePath: profilePath, stateDirectory: stateDirectory)
            return
        }
        try self.init(profile: HostProfile.decode(data, path: profilePath), profileData: data, profilePath: profilePath, stateDirectory: stateDirectory, digest: digest)
    }

    /// Uses an already loaded profile; `profilePath` names it in messages and its bytes' digest
    /// binds the state directory to it (the encoded profile's digest when the file is absent).
    package convenience init(profile: HostProfile, profilePath: String, stateDirectory: String?) throws {
        let data = try FileManager.default.contents(atPath: profilePath) ?? profile.encode()
        try self.init(profile: profile, profileData: data, profilePath: profilePath, stateDirectory: stateDirectory, digest: SHA256.hex(data))
    }

    private init(profile: HostProfile, profileData: Data, profilePath: String, stateDirectory: String?, digest: String) throws {
        loadedProfile = profile
        self.profileData = profileData
        scripts = ProfileScripts(transcripts: profile.transcripts, faults: profile.faults)
        self.profilePath = profilePath
        self.stateDirectory = stateDirectory
        if let stateDirectory, let saved = try Self.loadState(directory: stateDirectory) {
            guard saved.profileDigest == digest else {
                throw HostError(
                    "the simulated host in \(stateDirectory) was made from another host profile than \(profilePath); use a fresh --state-dir or the profile it was made from")
            }
            state = saved
        } else {
            state = SimulatedState(profile: profile, digest: digest)
            try persist()
        }
    }

    private init(restoring saved: SimulatedState, profileData: Data, scripts: ProfileScripts, profilePath: String, stateDirectory: String) {
        loadedProfile = nil
        self.profileData = profileData
        self.scripts = scripts
        self.profilePath = profilePath
        self.stateDirectory = stateDirectory
        state = saved
    }

    // MARK: Commands

    package func run(_ command: Command) throws -> CommandResult {
        let argv = command.argv
        for (index, fault) in scripts.faults.enumerated() where fault.matches(argv) {
            let fired = state.faultsFired[String(index)] ?? 0
            if let times = fault.times, fired >= times { continue }
            state.faultsFired[String(index)] = fired + 1
            try persist()
            return .exited(fault.exitStatus, stderr: fault.stderr)
        }
        if let transcript = scripts.transcripts.first(where: { $0.argv == argv }) {
            return .exited(transcript.exitStatus, stdout: transcript.stdout, stderr: transcript.stderr)
        }
        guard state.isInstalledProgram(argv[0]) else {
            throw HostError("cannot run \(argv[0]): No such file or directory")
        }
        var next = state
        let output: CommandOutput
        do {
            output = try next.execute(argv, environment: command.environment)
        } catch {
            // The gap is in the simulator, so the message says where the models live; a
            // profile's transcripts are for replaying a real host's answers, not for filling it.
            throw HostError("`\(Command.display(argv))` is not modelled by the simulated host; add it to the simulator's command models (Sources/FreeBSDHost/Simulated/Commands, dispatched by SimulatedState.execute)", cause: error)
        }
        try commit(next)
        return output.result
    }

    // MARK: Files

    package func readFile(_ path: String) throws -> Data? {
        state.files[SimulatedState.normalize(path)]?.contents
    }

    package func stat(_ path: String) throws -> FileStat? {
        let path = SimulatedState.normalize(path)
        if let file = state.files[path] {
            return FileStat(kind: .regular, mode: file.mode, owner: file.owner, size: file.contents.count)
        }
        return state.isDirectory(path) ? FileStat(kind: .directory, mode: 0o755, owner: .root, size: 512) : nil
    }

    package func writeFile(_ path: String, contents: Data, mode: FileMode, owner: FileOwner) throws {
        var next = state
        try next.writeFile(path, ProfileFile(contents: contents, mode: mode, owner: owner))
        try commit(next)
    }

    package func removeFile(_ path: String) throws {
        let path = SimulatedState.normalize(path)
        if state.files[path] == nil && state.isDirectory(path) {
            throw HostError("cannot remove \(path): it is a directory")
        }
        var next = state
        next.files[path] = nil
        try commit(next)
    }

    package func listDirectory(_ path: String) throws -> [String]? {
        state.listDirectory(path)
    }

    // MARK: State

    /// Keeps `next` as the host's state and, with a state directory, writes it durably.
    func commit(_ next: SimulatedState) throws {
        guard next != state else { return }
        state = next
        try persist()
    }

    /// Takes up the state another process (or another `SimulatedHost` on the same state
    /// directory) has written since.
    func reload() throws {
        guard let stateDirectory, let saved = try Self.loadState(directory: stateDirectory) else { return }
        state = saved
    }

    private func persist() throws {
        guard let stateDirectory else { return }
        try DurableFile.makeDirectory(stateDirectory)
        try DurableFile.replace(stateDirectory + "/" + Self.stateFileName, contents: JSONCoding.document(state), mode: 0o600)
    }

    private static func loadState(directory: String) throws -> SimulatedState? {
        let path = directory + "/" + stateFileName
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try decodeState(data, path: path)
    }

    /// A state file's bytes as the state they hold; `path` only names the file in errors.
    static func decodeState(_ data: Data, path: String) throws -> SimulatedState {
        let damaged = HostError("cannot read the simulated host state \(path): it is damaged; remove it to start again from the profile")
        guard data.count <= InputLimits.stateFile else {
            throw HostError("cannot read the simulated host state \(path): it is \(data.count) bytes, more than the \(InputLimits.stateFile) it may have; remove it to start again from the profile")
        }
        guard let fields = try? JSONFields(JSONValue.parse(data)), let version = try? fields.int("formatVersion") else {
            throw damaged
        }
        guard version <= SimulatedState.currentFormatVersion else {
            throw HostError("the simulated host state \(path) has format \(version), newer than this binary reads (\(SimulatedState.currentFormatVersion)); use a newer clawdie-firstboot")
        }
        do {
            return try SimulatedState(json: fields)
        } catch {
            throw damaged
        }
    }
}
