import FirstbootEngine
import Foundation
import FreeBSDHost
import Testing
@testable import ClawdieFirstboot

@Suite struct SubnetTests {
    static func fixture() throws -> SimulatedFixture {
        var settings = Settings()
        settings.tailnetWait = 1
        settings.subnetRoutes = .auto
        return try SimulatedFixture(settings: settings, phases: ["firstboot", "lockdown", "vnet", "subnet"]) { profile in
            profile.files["/usr/local/etc/clawdie-firstboot.tailscale-key"] = ProfileFile(text: "tskey-auth-x\n", mode: 0o600)
        }
    }

    static func advertised(_ fixture: SimulatedFixture) throws -> [String] {
        try TailscalePrefs.parse(try fixture.run("/usr/local/bin/tailscale", "debug", "prefs").stdoutText).advertiseRoutes
    }

    /// `tailscale up` refuses unless every setting in force is given again: when the node has to
    /// log in anew after the routes were advertised, tailscale-up names them too, and they stay.
    @Test func aNodeLoggingInAgainKeepsItsSubnetRoutes() throws {
        let fixture = try Self.fixture()
        _ = try fixture.engine.apply()
        #expect(try Self.advertised(fixture) == ["192.168.100.0/24"])
        #expect(try fixture.run("/usr/local/bin/tailscale", "logout").succeeded)
        #expect(try fixture.commands(of: "tailscale-up").first?.contains("--advertise-routes=192.168.100.0/24") == true)
        _ = try fixture.engine.apply()
        #expect(try TailscaleFacts(host: fixture.host).whatIsMissing() == nil)
        #expect(try Self.advertised(fixture) == ["192.168.100.0/24"])
    }
}
