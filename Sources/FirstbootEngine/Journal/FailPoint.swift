#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A testing aid: end the process right after the Nth durable journal write, to prove that
/// a crash at any point resumes correctly. Set `CLAWDIE_FIRSTBOOT_FAILPOINT=N` for the
/// binary (it kills itself with SIGKILL); tests in the same process throw `SimulatedCrash`.
package struct FailPoint: Sendable {
    package static let environmentVariable = "CLAWDIE_FIRSTBOOT_FAILPOINT"

    package var afterWrite: Int
    package var crash: @Sendable () throws -> Void

    package init(afterWrite: Int, crash: @escaping @Sendable () throws -> Void) {
        self.afterWrite = afterWrite
        self.crash = crash
    }

    /// The fail point this process's environment asks for, or nil. Reads the one variable
    /// with getenv rather than building ProcessInfo's dictionary of the whole environment.
    package static func fromEnvironment() -> FailPoint? {
        fromEnvironment(getenv(environmentVariable).map { [environmentVariable: String(cString: $0)] } ?? [:])
    }

    /// The fail point `environment` asks for, or nil.
    package static func fromEnvironment(_ environment: [String: String]) -> FailPoint? {
        guard let text = environment[environmentVariable], let count = Int(text), count > 0 else { return nil }
        return FailPoint(afterWrite: count) { kill(getpid(), SIGKILL) }
    }

    /// An in-process fail point that throws `SimulatedCrash`.
    package static func throwing(afterWrite count: Int) -> FailPoint {
        FailPoint(afterWrite: count) { throw SimulatedCrash(afterWrite: count) }
    }

    func reached(_ writes: Int) throws {
        if writes == afterWrite { try crash() }
    }
}

/// Thrown by an in-process fail point. The engine lets it pass untouched — no undo, no
/// failure record — exactly as if the process had died.
package struct SimulatedCrash: Error, Hashable, Sendable {
    package var afterWrite: Int
}
