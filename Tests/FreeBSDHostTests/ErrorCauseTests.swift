import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// Errors that cross from one domain into another keep the error they were made from, and
/// still print exactly their one line.
@Suite struct ErrorCauseTests {
    @Test func aBootThatCannotBeOrderedKeepsTheCycleAsTheCause() throws {
        let host = try SimulatedSupport.host("cloud-vm")
        try host.write("/usr/local/etc/rc.d/a", "#!/bin/sh\n# PROVIDE: a\n# REQUIRE: b\n", mode: 0o555)
        try host.write("/usr/local/etc/rc.d/b", "#!/bin/sh\n# PROVIDE: b\n# REQUIRE: a\n", mode: 0o555)
        #expect {
            _ = try host.reboot()
        } throws: { error in
            guard let hostError = error as? HostError, let cause = hostError.cause as? RCOrder.CircularDependency else { return false }
            return hostError.description == "the simulated host cannot boot: \(cause.description)"
        }
    }

    @Test func theCauseIsDetailNotIdentity() {
        let cause = RCConfError(path: "/etc/rc.conf", line: 2, message: "unterminated quote")
        let withCause = HostError("rc.conf is damaged", cause: cause)
        #expect(withCause == HostError("rc.conf is damaged"))
        #expect(withCause.description == "rc.conf is damaged")
        #expect(StepRefusal("no", cause: withCause).cause is HostError)
        #expect(ChangeFailure("failed", cause: withCause) == ChangeFailure("failed"))
        #expect(Set([withCause, HostError("rc.conf is damaged")]).count == 1)
    }
}
