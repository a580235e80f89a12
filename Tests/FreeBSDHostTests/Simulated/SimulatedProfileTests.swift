import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

@Suite struct SimulatedProfileTests {
    static let minimal = #"{"format_version": 1, "hostname": "h", "freebsd_version": "14.3-RELEASE"}"#

    private func loadError(_ json: String) -> String? {
        do {
            _ = try HostProfile.decode(Data(json.utf8), path: "profiles/test.json")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: ["cloud-vm", "bare-metal", "no-default-route"])
    func repositoryProfilesLoadAndRoundTrip(name: String) throws {
        let profile = try HostProfile.load(path: SimulatedSupport.plansProfilePath(name))
        #expect(profile.formatVersion == 1)
        #expect(profile.files["/etc/rc.conf"] != nil)
        let again = try HostProfile.decode(try profile.encode(), path: "encoded")
        #expect(again == profile)
        #expect(try again.encode() == profile.encode())
    }

    @Test func unknownTopLevelFieldIsAnErrorNamingIt() throws {
        let message = try #require(loadError(#"{"format_version": 1, "hostname": "h", "freebsd_version": "14.3-RELEASE", "hostnme": "x"}"#))
        #expect(message.contains("profiles/test.json"))
        #expect(message.contains("`hostnme`"))
        #expect(message.contains("unknown field"))
        #expect(!message.contains("\n"))
    }

    @Test func unknownNestedFieldNamesItsPath() throws {
        let json = #"{"format_version": 1, "hostname": "h", "freebsd_version": "14.3", "interfaces": [{"name": "em0", "speed": 1000}]}"#
        #expect(try #require(loadError(json)).contains("`interfaces[0].speed`"))
        let files = #"{"format_version": 1, "hostname": "h", "freebsd_version": "14.3", "files": {"/etc/rc.conf": {"content": "", "mode": "0644", "group": "wheel"}}}"#
        #expect(try #require(loadError(files)).contains(#"`files["/etc/rc.conf"].group`"#))
    }

    @Test func newerFormatVersionIsRefused() throws {
        let message = try #require(loadError(#"{"format_version": 2, "hostname": "h", "freebsd_version": "15.0-RELEASE"}"#))
        #expect(message.contains("format_version"))
        #expect(message.contains("newer clawdie-firstboot"))
    }

    @Test(arguments: [
        (#"{"format_version": 1, "freebsd_version": "14.3"}"#, "`hostname`: missing"),
        (#"{"format_version": 1, "hostname": "h", "freebsd_version": "14.3", "interfaces": [{"name": "em0", "inet": ["10.0.0.1"]}]}"#, "`interfaces[0].inet[0]`"),
        (#"{"format_version": 1, "hostname": "h", "freebsd_version": "14.3", "files": {"/x": {"content": "a", "mode": "rw"}}}"#, "octal mode"),
        (#"{"format_version": 1, "hostname": "h", "freebsd_version": "14.3", "files": {"/x": {"content": "a", "owner": "alice:wheel"}}}"#, "user:group"),
        (#"{"format_version": 1, "hostname": "h", "freebsd_version": "14.3", "tailscale": {"backend_state": "Happy"}}"#, "`tailscale.backend_state`"),
        (#"{"format_version": 1, "hostname": 7, "freebsd_version": "14.3"}"#, "`hostname`: expected a string"),
        ("{not json", "not valid JSON"),
    ])
    func badProfilesGetOneLineNamingTheField(json: String, expected: String) throws {
        let message = try #require(loadError(json))
        #expect(message.contains(expected), "\(message)")
        #expect(message.hasPrefix("host profile profiles/test.json: "))
    }

    @Test func filesKeepModeOwnerAndBinaryContent() throws {
        let json = #"""
        {"format_version": 1, "hostname": "h", "freebsd_version": "14.3",
         "files": {"/root/secret": {"content": "k", "mode": "0600", "owner": "0:0"},
                   "/usr/local/etc/rc.d/x": {"content": "#!/bin/sh\n", "mode": "0555", "owner": "root:wheel"},
                   "/bin/blob": {"content_base64": "AP8=", "mode": "0755", "owner": "root:operator"}}}
        """#
        let profile = try HostProfile.decode(Data(json.utf8), path: "p")
        #expect(profile.files["/root/secret"]?.mode == 0o600)
        #expect(profile.files["/usr/local/etc/rc.d/x"]?.mode == 0o555)
        #expect(profile.files["/bin/blob"]?.contents == Data([0x00, 0xff]))
        #expect(profile.files["/bin/blob"]?.owner == FileOwner(uid: 0, gid: 5))
        let encoded = String(decoding: try profile.encode(), as: UTF8.self)
        #expect(encoded.contains(#""content_base64" : "AP8=""#))
    }

    @Test func missingProfileFileIsOneClearLine() {
        #expect(throws: HostError.self) { try HostProfile.load(path: "/nonexistent/profile.json") }
    }

    @Test(arguments: TailscaleLogin.allCases)
    func tailscaleLoginRoundTrips(login: TailscaleLogin) throws {
        let json = #"{"format_version": 1, "hostname": "h", "freebsd_version": "14.3", "tailscale": {"installed": true, "login": "\#(login.rawValue)"}}"#
        let profile = try HostProfile.decode(Data(json.utf8), path: "p.json")
        #expect(profile.tailscale.login == login)
        #expect(try HostProfile.decode(try profile.encode(), path: "encoded") == profile)
    }

    @Test func tailscaleLoginDefaultsToAcceptsAndRefusesUnknownValues() throws {
        #expect(try HostProfile.decode(Data(Self.minimal.utf8), path: "p.json").tailscale.login == .accepts)
        let message = try #require(loadError(#"{"format_version": 1, "hostname": "h", "freebsd_version": "14.3", "tailscale": {"login": "maybe"}}"#))
        #expect(message.contains("`tailscale.login`"))
        #expect(message.contains("accepts, rejects, never-running"))
    }
}
