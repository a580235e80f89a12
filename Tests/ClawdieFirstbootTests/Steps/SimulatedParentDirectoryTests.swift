import FirstbootEngine
import Foundation
import FreeBSDHost
import Testing
@testable import ClawdieFirstboot

/// cloud-vm models a fresh install: nothing under /usr/local yet. The simulated host creates
/// the directories of /usr/local/etc/rc.d/pf_reload as the real one does, the journal records
/// them, and a rollback leaves /usr/local as it found it.
@Suite struct SimulatedParentDirectoryTests {
    @Test func theBootScriptsDirectoryIsCreatedAndRemovedAgain() throws {
        let fixture = try SimulatedFixture()
        #expect(try fixture.host.stat("/usr/local/etc/rc.d") == nil)
        _ = try fixture.engine.apply()
        #expect(try fixture.host.stat("/usr/local/etc/rc.d") == FileStat(kind: .directory, mode: 0o755, owner: .root, size: 512))
        let records = try fixture.engine.openJournal().records
        let created = records.compactMap { record -> [String]? in
            if case .changeRecorded(_, let change) = record.event, change.target == .file("/usr/local/etc/rc.d/pf_reload") {
                return change.createdDirectories
            }
            return nil
        }
        #expect(created.first?.suffix(3) == ["/usr/local", "/usr/local/etc", "/usr/local/etc/rc.d"])
        _ = try fixture.engine.rollback(.everything)
        #expect(try fixture.host.stat("/usr/local") == nil)
    }
}
