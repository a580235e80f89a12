import FirstbootEngine
import Foundation
import FreeBSDHost
import Testing
@testable import ClawdieFirstboot

@Suite struct BastilleNetworkTests {
    static let bastilleConf = """
    ## Bastille's networking, as a fresh install leaves it.
    bastille_prefix="/usr/local/bastille"
    bastille_network_loopback="bastille0"
    bastille_network_pf_ext_if="ext_if"
    bastille_network_pf_table="jails"
    bastille_network_gateway=""

    """

    @Test func whereBastilleIsInstalledItsNetworkingPointsAtThePlatforms() throws {
        let fixture = try SimulatedFixture(phases: ["firstboot", "vnet"]) { profile in
            profile.packages["bastille"] = "1.0.1.250714"
            profile.packages["pkg"] = "2.1.2"
            profile.files[BastilleNetwork.configFile] = ProfileFile(text: Self.bastilleConf)
        }
        _ = try fixture.engine.apply()
        let conf = try #require(try fixture.file(BastilleNetwork.configFile))
        #expect(conf.contains("bastille_network_loopback=\"clawdie0\""))
        #expect(conf.contains("bastille_network_pf_table=\"clawdie_jails\""))
        #expect(conf.contains("bastille_network_gateway=\"192.168.100.1\""))
        #expect(conf.contains("bastille_network_vnet_type=\"if_bridge\""))
        // The operator's other settings stay as they were.
        #expect(conf.hasPrefix("## Bastille's networking, as a fresh install leaves it.\nbastille_prefix=\"/usr/local/bastille\"\n"))
        _ = try fixture.engine.rollback(.phase("vnet"))
        #expect(try fixture.file(BastilleNetwork.configFile) == Self.bastilleConf)
    }

    @Test func withoutBastilleTheStepSaysSoAndDoesNothing() throws {
        let fixture = try SimulatedFixture(phases: ["firstboot", "vnet"])
        let step = try fixture.plannedStep("bastille-network")
        #expect(step.action == .noop)
        #expect(step.note == "Bastille is not installed; nothing to do")
    }
}
