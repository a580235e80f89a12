import Foundation
import Testing
import TestSupport
@testable import ClawdieFirstboot

@Suite struct SettingsTests {
    @Test func anEmptyFileGivesThePlatformDefaults() throws {
        let settings = try Settings.parse("# nothing set\n", path: "/c.conf")
        #expect(settings == Settings())
        #expect(settings.bridgeName == "warden0")
        #expect(settings.bridgeAddress.description == "192.168.100.1/24")
        #expect(settings.natNetwork.description == "192.168.0.0/16")
        #expect(settings.sshPort == 22 && settings.sshMaxConnections == 5 && settings.sshRate.description == "3/60")
        #expect(settings.publicTCPPorts == [80, 443])
        #expect(settings.pfReloadWait == 30 && settings.bootRetryLimit == 3 && settings.bootPhases == ["firstboot"])
    }

    @Test func everyKeyIsRead() throws {
        let text = """
        ext_if="em0"
        bridge_name="clawbr0"
        bridge_address="10.83.0.1/24"
        nat_network="10.83.0.0/16"
        ssh_port="2222"
        ssh_max_src_conn="9"
        ssh_max_src_conn_rate="4/30"
        public_tcp_ports=""
        pf_reload_wait="45"
        boot_retry_limit="5"
        boot_phases="firstboot"

        """
        let settings = try Settings.parse(text, path: "/c.conf")
        #expect(settings.externalInterface == .named("em0"))
        #expect(settings.bridgeName == "clawbr0")
        #expect(settings.bridgeAddress.description == "10.83.0.1/24")
        #expect(settings.natNetwork.description == "10.83.0.0/16")
        #expect(settings.sshPort == 2222 && settings.sshMaxConnections == 9 && settings.sshRate.description == "4/30")
        #expect(settings.publicTCPPorts.isEmpty)
        #expect(settings.pfReloadWait == 45 && settings.bootRetryLimit == 5)
        // The canonical text reads back to the same settings, and digests differ with them.
        #expect(try Settings.parse(settings.canonicalText, path: "/c.conf") == settings)
        #expect(settings.digest != Settings().digest)
    }

    @Test func aMissingFileIsTheDefaultsUnlessTheOperatorNamedIt() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path + "/absent.conf"
        #expect(try Settings.load(path: path, mustExist: false) == Settings())
        #expect(throws: SettingsError(path: path, line: nil, message: "no such configuration file; check the --config path")) {
            try Settings.load(path: path, mustExist: true)
        }
    }

    @Test func aDirectoryGivenAsTheConfigurationIsSaidToBeADirectory() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path
        for mustExist in [true, false] {
            #expect(throws: SettingsError(path: path, line: nil, message: "is a directory, not a configuration file; give the file, like \(path)/clawdie-firstboot.conf")) {
                try Settings.load(path: path, mustExist: mustExist)
            }
        }
    }

    @Test(arguments: ["ssh_port=$PORT", "ssh_port=\"$PORT\"", "ssh_port=`cat /p`", "ssh_port=\"`cat /p`\""])
    func aSubstitutionIsRefusedWithoutSuggestingQuotesThatWouldNotHelp(line: String) throws {
        do {
            _ = try Settings.parse(line + "\n", path: "/c.conf")
            Issue.record("\(line) was accepted")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("substitutions ($ or `) are not supported, quoted or not"), "\(message)")
            #expect(!message.contains("in double quotes"), "\(message)")
        }
    }

    @Test func shellSyntaxOutsideQuotesSuggestsTheQuotesThatMakeItLiteral() throws {
        do {
            _ = try Settings.parse("public_tcp_ports=80;443\n", path: "/c.conf")
            Issue.record("accepted")
        } catch {
            #expect(String(describing: error).contains("shell syntax ';' is not supported; put the value in double quotes"))
        }
    }

    /// A key set twice is refused, naming both lines: sh would take the last, but an operator
    /// who wrote two may have meant the first.
    @Test func aKeySetTwiceIsRefused() throws {
        #expect(throws: SettingsError(path: "/c.conf", line: 2, message: "ssh_port is set again (first on line 1); set each key once")) {
            try Settings.parse("ssh_port=\"2200\"\nssh_port=\"2201\"\n", path: "/c.conf")
        }
    }

    /// Values in messages are quoted with their control characters escaped and cut short; a
    /// value that ends in CR says the file has DOS line endings.
    @Test(arguments: [
        ("ssh_port=\"22\"\r\n", ":1: line ends in CR: the file has DOS line endings"),
        ("ssh_port=22\r\n", ":1: line ends in CR: the file has DOS line endings"),
        ("# comment\r\nssh_port=\"22\"\n", ":1: line ends in CR: the file has DOS line endings"),
        ("ssh_port=\"2\u{1B}[2J\"\n", ":1: ssh_port=\"2\\u{1b}[2J\": \"2\\u{1b}[2J\" is not a port number"),
        ("ssh_port=\"" + String(repeating: "9", count: 5000) + "\"\n", ":1: ssh_port=\"" + String(repeating: "9", count: 64) + "…\" (5000 bytes): the value is longer than 4096 bytes"),
        ("bridge_name=\"" + String(repeating: "x", count: 300) + "\"\n", "…\" (300 bytes): not a FreeBSD interface name"),
        (String(repeating: "# padding\n", count: 7000), "more than the 65536 a configuration file may have"),
    ])
    func messagesQuoteAndBoundValues(_ text: String, _ message: String) {
        #expect(performing: { _ = try Settings.parse(text, path: "/c.conf") }, throws: { error in
            let description = "\(error)"
            return description.contains(message) && description.utf8.count < 400
        })
    }
}
