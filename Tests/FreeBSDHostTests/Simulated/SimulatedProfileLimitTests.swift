import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// What a host profile may hold is bounded, and the reader refuses with one message: names FreeBSD could not have, paths not in normal form, repeated keys,
/// integers beyond 64 bits and profiles over the size limit.
@Suite struct SimulatedProfileLimitTests {
    static func profile(hostname: String = "h", file: String = "/etc/rc.conf", extra: String = "") -> String {
        #"{"format_version": 1, "hostname": "# + json(hostname) + #", "freebsd_version": "14.3", "files": {"#
            + json(file) + #": {"content": "x"}}"# + extra + "}"
    }

    static func json(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    static let cases: [(String, String)] = [
        (profile(hostname: "web\u{0}1"), "field `hostname`: \"web\\01\" contains a control character"),
        (profile(hostname: String(repeating: "h", count: 256)), "\" (256 bytes) is longer than 255 bytes"),
        (profile(file: "/etc/rc.conf\u{0}x"), #"field `files["/etc/rc.conf\0x"]`: the path contains a control character"#),
        (profile(file: "/etc/../etc/rc.conf"), #"field `files["/etc/../etc/rc.conf"]`: the path is not in normal form"#),
        (profile(file: "/etc//rc.conf"), "a file path must be"),
        (profile(file: "/etc/./rc.conf"), "the path is not in normal form"),
        (profile(file: "/etc/"), "a file path must be"),
        (profile(file: "etc/rc.conf"), "a file path must be"),
        (profile(file: "/" + String(repeating: "d", count: 1100)), "the path is longer than 1023 bytes"),
        (profile(extra: #", "hostname": "b""#), "the key \"hostname\" is given twice in one object"),
        (profile(extra: #", "packages": {"n": "-9223372036854775809"}, "format_version": -9223372036854775809"#),
         "the key \"format_version\" is given twice"),
        (#"{"format_version": -9223372036854775809, "hostname": "h", "freebsd_version": "14.3"}"#,
         "the whole number \"-9223372036854775809\" does not fit in 64 bits"),
        (profile(hostname: "h", extra: ", " + String(repeating: " ", count: 16 << 20)), "more than the 16777216 a host profile may have"),
    ]

    @Test(arguments: cases)
    func theReaderRefusesWithOneMessage(_ json: String, _ message: String) {
        #expect(performing: { _ = try HostProfile.decode(Data(json.utf8), path: "p.json") }, throws: { error in
            let text = "\(error)"
            return text.hasPrefix("host profile p.json: ") && text.contains(message) && text.utf8.count < 400
        })
    }

    @Test func aNormalProfileIsStillRead() throws {
        let profile = try HostProfile.decode(Data(Self.profile().utf8), path: "p.json")
        #expect(profile.files["/etc/rc.conf"]?.contents == Data("x".utf8))
    }
}
