import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// `HostProfile.decode` accepts good documents as the profile they describe and refuses
/// damaged ones with a one-line message naming the field.
@Suite struct SimulatedProfileReaderTests {
    static let head = #""format_version": 1, "hostname": "h", "freebsd_version": "14.3""#

    /// A profile with `rest` after the three required members.
    static func with(_ rest: String) -> String { "{\(head), \(rest)}" }

    static let documents: [String] = [
        // Top level.
        "[]", "null", "7", #""x""#, "{}",
        #"{"format_version": 1}"#,
        #"{"format_version": 1, "hostname": "h"}"#,
        #"{"format_version": null, "hostname": "h", "freebsd_version": "14.3"}"#,
        #"{"format_version": "1", "hostname": "h", "freebsd_version": "14.3"}"#,
        #"{"format_version": 1.0, "hostname": "h", "freebsd_version": "14.3"}"#,
        #"{"format_version": 1.5, "hostname": "h", "freebsd_version": "14.3"}"#,
        #"{"format_version": 0, "hostname": "h", "freebsd_version": "14.3"}"#,
        #"{"format_version": -3, "hostname": "h", "freebsd_version": "14.3"}"#,
        #"{"format_version": 99999999999999999999, "hostname": "h", "freebsd_version": "14.3"}"#,
        #"{"format_version": true, "hostname": "h", "freebsd_version": "14.3"}"#,
        #"{"format_version": 1, "hostname": null, "freebsd_version": "14.3"}"#,
        #"{"format_version": 1, "hostname": ["h"], "freebsd_version": "14.3"}"#,
        #"{"format_version": 1, "hostname": "h", "freebsd_version": 14}"#,
        #"{"format_version": 2, "hostname": 7, "zzz": 1}"#,
        #"{"format_version": 1, "hostname": "a", "hostname": "b", "freebsd_version": "14.3"}"#,
        with(#""bad-key": 1, "other": 2"#),
        with(#""files": {"/x": {"content": "a"}, "/x": {"content": "b"}}, "packages": {"curl": "1", "curl": "2"}"#),
        with(#""files": {"/x": {"content": "a"}, "/x": 7}"#), with(#""files": {"/x": 7, "/x": {"content": "a"}}"#),
        with(#""tailscale": {"login": "rejects", "login": "maybe"}"#),
        with(#""interfaces": null, "files": null, "packages": null, "services_running": null, "tailscale": null, "transcripts": null, "faults": null, "default_route": null"#),
        // Interfaces.
        with(#""interfaces": {}"#), with(#""interfaces": "em0""#), with(#""interfaces": [7]"#), with(#""interfaces": [null]"#),
        with(#""interfaces": [{}]"#), with(#""interfaces": [{"name": null}]"#), with(#""interfaces": [{"name": "em0", "speed": 1}]"#),
        with(#""interfaces": [{"name": "em0", "kind": "wifi"}]"#), with(#""interfaces": [{"name": "em0", "kind": 3}]"#),
        with(#""interfaces": [{"name": "em0", "inet": "10.0.0.1/24"}]"#), with(#""interfaces": [{"name": "em0", "inet": [1]}]"#),
        with(#""interfaces": [{"name": "em0", "inet": [null]}]"#), with(#""interfaces": [{"name": "em0", "inet": ["10.0.0.1/24", "10.0.0.300/24"]}]"#),
        with(#""interfaces": [{"name": "em0", "inet6": [true]}]"#), with(#""interfaces": [{"name": "em0", "ether": 5}]"#),
        with(#""interfaces": [{"name": "em0", "up": "yes"}]"#), with(#""interfaces": [{"name": "em0", "up": null, "ether": null}]"#),
        with(#""interfaces": [{"name": "bridge0", "kind": "bridge", "members": ["em0", 1]}]"#),
        with(#""interfaces": [{"name": "em0", "description": []}]"#), with(#""interfaces": [{"name": "this-is-not-valid"}]"#),
        with(#""interfaces": [{"name": "em0"}, {"name": "em1", "Kind": "x"}]"#),
        with(#""interfaces": [{"name": "em0", "kind": "loopback", "inet": ["10.0.0.1/8"], "inet6": ["fe80::1/64"], "ether": "00:11:22:33:44:55", "up": false, "members": ["a"], "description": "d"}]"#),
        // Default route.
        with(#""default_route": []"#), with(#""default_route": {}"#), with(#""default_route": {"gateway": "10.0.0.1"}"#),
        with(#""default_route": {"gateway": "10.0.0.1", "interface": "em0", "metric": 1}"#),
        with(#""default_route": {"gateway": "ten", "interface": "em0"}"#), with(#""default_route": {"gateway": 1, "interface": "em0"}"#),
        with(#""default_route": {"gateway": "10.0.0.1", "interface": "em0"}"#),
        // Files.
        with(#""files": []"#), with(#""files": {"/x": 1}"#), with(#""files": {"/x": null}"#), with(#""files": {"/x": {}}"#),
        with(#""files": {"/x": {"content": "a", "content_base64": "YQ=="}}"#), with(#""files": {"/x": {"content_base64": "!!"}}"#),
        with(#""files": {"/x": {"content": 1}}"#), with(#""files": {"/x": {"content": null, "content_base64": "YQ=="}}"#),
        with(#""files": {"/x": {"content": "a", "mode": 644}}"#), with(#""files": {"/x": {"content": "a", "mode": "17777"}}"#),
        with(#""files": {"/x": {"content": "a", "mode": ""}}"#), with(#""files": {"/x": {"content": "a", "owner": "root"}}"#),
        with(#""files": {"/x": {"content": "a", "owner": null, "mode": null}}"#), with(#""files": {"/x": {"content": "a", "group": "w"}}"#),
        with(#""files": {"x": {"content": "a"}}"#), with(#""files": {"/x/": {"content": "a"}}"#), with(#""files": {"/a//b": {"content": "a"}}"#),
        with(#""files": {"/etc/rc.conf": {"content": "a", "mode": "0600", "owner": "0:5"}}"#),
        // Packages and services.
        with(#""packages": []"#), with(#""packages": {"curl": 1}"#), with(#""packages": {"py39-x": null}"#), with(#""packages": {"curl": "8.0"}"#),
        with(#""services_running": "sshd""#), with(#""services_running": ["sshd", 2]"#), with(#""services_running": [null]"#),
        // Tailscale.
        with(#""tailscale": []"#), with(#""tailscale": {"installed": 1}"#), with(#""tailscale": {"daemon_running": true}"#),
        with(#""tailscale": {"backend_state": "Happy"}"#), with(#""tailscale": {"backend_state": 3}"#), with(#""tailscale": {"addresses": "x"}"#),
        with(#""tailscale": {"login": "maybe", "backend_state": "Happy"}"#), with(#""tailscale": {"login": 1}"#), with(#""tailscale": {"auth": 1}"#),
        with(#""tailscale": {"route_approval": "pending"}"#), with(#""tailscale": {"route_approval": "maybe"}"#), with(#""tailscale": {"route_approval": true}"#),
        with(#""tailscale": {"installed": true, "daemon_running": true, "backend_state": "Running", "addresses": ["100.64.0.1"], "login": "rejects"}"#),
        // Transcripts and faults.
        with(#""transcripts": {}"#), with(#""transcripts": [{}]"#), with(#""transcripts": [{"argv": []}]"#), with(#""transcripts": [{"argv": "ls"}]"#),
        with(#""transcripts": [{"argv": ["ls"], "exit_status": "1"}]"#), with(#""transcripts": [{"argv": ["ls"], "exit_status": 3000000000}]"#),
        with(#""transcripts": [{"argv": ["ls"], "exit_status": 1.5}]"#), with(#""transcripts": [{"argv": ["ls"], "exit_status": 2.0}]"#),
        with(#""transcripts": [{"argv": ["ls"], "exit_status": -1e3}]"#), with(#""transcripts": [{"argv": ["ls"], "status": 0}]"#),
        with(#""transcripts": [{"argv": ["ls"], "stdout": 1}]"#), with(#""transcripts": [{"argv": ["ls"], "stdout": "a", "stderr": "b", "exit_status": 3}]"#),
        with(#""faults": [{}]"#), with(#""faults": [{"argv": []}]"#), with(#""faults": [{"argv": ["x"], "times": 0}]"#),
        with(#""faults": [{"argv": ["x"], "times": "2"}]"#), with(#""faults": [{"argv": ["x"], "times": 2.5}]"#),
        with(#""faults": [{"argv": ["x"], "exit_status": null, "stderr": null, "times": null}]"#),
        with(#""faults": [{"argv": ["x"], "every": 1}]"#), with(#""faults": [{"argv": ["x"], "exit_status": 7, "stderr": "e", "times": 2}]"#),
    ]

    enum Outcome: Equatable {
        case read(HostProfile)
        case refused(String)

        init(_ read: () throws -> HostProfile) {
            do { self = .read(try read()) } catch { self = .refused("\(error)") }
        }

        var message: String? {
            if case .refused(let text) = self { return text }
            return nil
        }
    }

    /// Documents at the edges of JSON's grammar.
    static let edges: [[UInt8]] = [
        [0xEF, 0xBB, 0xBF] + Array(with(#""packages": {}"#).utf8),
        Array(with(#""packages": {"a\u0000b": "\ud83d\ude00"}"#).utf8),
        Array(with(#""packages": {"a": "\ud800"}"#).utf8),
        Array(with(#""packages": {"a": "\u00e9\t\/"}"#).utf8),
        Array(#"{"format_version": 1, "hostname": "\#u{7F}", "freebsd_version": "x"}"#.utf8),
        Array(#"{"format_version": 1, "hostname": "a"#.utf8) + [0xFF] + Array(#"", "freebsd_version": "x"}"#.utf8),
        Array(#"{"format_version": 1, "hostname": "a"#.utf8) + [0x09] + Array(#"", "freebsd_version": "x"}"#.utf8),
        Array(" \n\t{\"format_version\": 1e0, \"hostname\": \"h\", \"freebsd_version\": \"x\"}\r\n".utf8),
        Array(#"{"format_version": 01, "hostname": "h", "freebsd_version": "x"}"#.utf8),
        Array(#"{"format_version": 1, "hostname": "h", "freebsd_version": "x"} {}"#.utf8),
        Array(#"{"format_version": 1, "hostname": "h", "freebsd_version": "x",}"#.utf8),
        Array(with(#""services_running": ["a", ], "packages": {"a": "1",}, "interfaces": [{"name": "em0",},]"#).utf8),
        Array(#"{"format_version": 1, "hostname": "h", "freebsd_version": "x",,}"#.utf8),
        Array(#"{,"format_version": 1, "hostname": "h", "freebsd_version": "x"}"#.utf8),
        Array(with(#""services_running": [,]"#).utf8),
        Array(with(#""packages": {,}"#).utf8),
        Array(with(#""services_running": ["a",,]"#).utf8),
    ]

    /// The reader's answer to a document: `accepted` (after checking that the profile written
    /// again reads back the same) or its one-line message.
    static func answer(_ bytes: [UInt8]) -> String {
        do {
            let profile = try HostProfile.decode(Data(bytes), path: "p.json")
            let again = try HostProfile.decode(profile.encode(), path: "p.json")
            return again == profile ? "accepted" : "accepted, but written again it reads differently"
        } catch {
            return "\(error)"
        }
    }

    /// Every document above with the reader's answer, a line each (the document as a JSON
    /// string, a tab, the answer), against `Golden/profile/documents.table`;
    /// `CLAWDIE_REGENERATE_GOLDEN=1` rewrites the table (review the diff).
    @Test func everyDocumentGetsItsGoldenAnswer() throws {
        var table = ""
        for bytes in Self.documents.map({ Array($0.utf8) }) + Self.edges {
            let key = String(decoding: try JSONEncoder().encode(String(decoding: bytes, as: UTF8.self)), as: UTF8.self)
            table += key + "\t" + Self.answer(bytes) + "\n"
        }
        let path = ProfileGoldenTests.folder + "/documents.table"
        if ProcessInfo.processInfo.environment["CLAWDIE_REGENERATE_GOLDEN"] == "1" {
            try Data(table.utf8).write(to: URL(fileURLWithPath: path))
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in table.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            #expect(index < expected.count && line == expected[index])
        }
        #expect(table == golden)
    }

    @Test func scriptsAloneAreTheProfilesTranscriptsAndFaults() throws {
        let json = Self.with(#""transcripts": [{"argv": ["/bin/ls"], "stdout": "a\n"}], "faults": [{"argv": ["/sbin/pfctl", "-e"], "times": 2}]"#)
        let data = Data([0xEF, 0xBB, 0xBF] + Array(json.utf8))
        let scripts = try ProfileScripts.decode(data, path: "p.json")
        let profile = try HostProfile.decode(data, path: "p.json")
        #expect(scripts.transcripts == profile.transcripts)
        #expect(scripts.faults == profile.faults)
        #expect(scripts.transcripts.first?.stdout == "a\n")
        #expect(scripts.faults.first?.times == 2)
    }

    @Test(arguments: ["{not json", "", #"{"format_version": 1,,}"#, "{} x"])
    func malformedJSONIsOneLineNamingTheProfile(json: String) throws {
        let message = try #require(Outcome { try HostProfile.decode(Data(json.utf8), path: "p.json") }.message)
        #expect(message.hasPrefix("host profile p.json: not valid JSON"))
        #expect(!message.contains("\n"))
    }
}
