import FirstbootEngine
import Foundation
@testable import FreeBSDHost

extension MatrixHost {
    /// This host, from now on answering `fault` every time: its profile gains the fault (in a
    /// copy of the profile beside the state) and the saved simulated host is bound to it.
    func faulted(_ fault: ProfileFault) throws -> MatrixHost {
        var profile = try HostProfile.load(path: profilePath)
        profile.faults.append(fault)
        let path = stateDirectory + "-faulted-profile.json"
        try profile.encode().write(to: URL(fileURLWithPath: path))
        return try rebound(to: path)
    }

    /// The same simulated host, answering from the profile at `path` from now on (the fault
    /// gone, say): the state's binding to its profile is moved to that file.
    func rebound(to path: String) throws -> MatrixHost {
        let host = try SimulatedHost(profilePath: profilePath, stateDirectory: stateDirectory)
        var next = host.state
        next.profileDigest = SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: path)))
        try host.commit(next)
        return MatrixHost(profilePath: path, configPath: configPath, stateDirectory: stateDirectory)
    }
}
