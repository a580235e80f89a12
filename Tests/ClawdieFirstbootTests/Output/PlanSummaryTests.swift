import FirstbootEngine
import FreeBSDHost
import Testing
@testable import ClawdieFirstboot

/// The plan's first line counts what changes on the host: each rc.conf key and each file once,
/// however many steps touch it.
@Suite struct PlanSummaryTests {
    @Test func aKeyOrFileSeveralStepsChangeIsCountedOnce() throws {
        var settings = Settings()
        settings.extraBridges = [Settings.Bridge(name: "warden1", address: IPv4Network("192.168.101.1/24")!),
                                 Settings.Bridge(name: "warden2", address: IPv4Network("192.168.102.1/24")!)]
        settings.bootPhases = ["firstboot", "vnet"]
        let fixture = try SimulatedFixture(settings: settings, phases: ["firstboot", "vnet"])
        let plan = try fixture.engine.plan()
        let changes = plan.steps.flatMap(\.changes).map(\.change)
        var keys = Set<String>()
        var files = Set<String>()
        for change in changes {
            switch change {
            case .setKey(let file, let key, _), .unsetKey(let file, let key): keys.insert(file + " " + key)
            case .writeFile(let path, _, _, _, _), .removeFile(let path): files.insert(path)
            case .run: break
            }
        }
        // cloned_interfaces is set by create-bridge, create-jail-loopback and once per extra
        // bridge, and /etc/pf.conf written by write-pf-conf and jail-table.
        #expect(changes.filter { if case .setKey(_, "cloned_interfaces", _) = $0 { true } else { false } }.count == 4)
        let summary = PlanText(colour: false).summary(plan)
        #expect(summary.contains(" \(files.count) files, \(keys.count) rc.conf keys, "), "\(summary)")
    }
}
