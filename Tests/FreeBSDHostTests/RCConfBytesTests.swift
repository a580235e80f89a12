import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import FreeBSDHost

/// Key edits keep every byte of rc.conf the tool does not own, on both hosts: a comment in
/// Latin-1 (not UTF-8) survives a write and comes back whole when the key is put back.
@Suite struct RCConfBytesTests {
    /// `# café` in Latin-1 (0xE9), a CRLF line and a stray 0xFF byte: none of them UTF-8 text.
    static let original: [UInt8] = Array("# caf".utf8) + [0xE9] + Array("\nhostname=\"web1\"\r\n# \u{00}".utf8) + [0xFF, 0x0A]

    enum Kind: String, CaseIterable, Sendable { case simulated, system }

    static func withHost(_ kind: Kind, _ body: (any TargetHost) throws -> Void) throws {
        switch kind {
        case .simulated:
            try body(try SimulatedSupport.host())
        case .system:
            try withTemporaryDirectory { root in
                try FileManager.default.createDirectory(atPath: root + "/etc", withIntermediateDirectories: true)
                try body(SystemHost(root: root))
            }
        }
    }

    @Test(arguments: Kind.allCases)
    func keyWritesKeepBytesThatAreNotUTF8(_ kind: Kind) throws {
        try Self.withHost(kind) { host in
            let path = "/etc/rc.conf"
            try host.writeFile(path, contents: Data(Self.original), mode: 0o644, owner: .root)
            try host.writeKey("pf_enable", value: "YES", inFile: path)
            #expect(try host.readFile(path) == Data(Self.original + Array("pf_enable=\"YES\"\n".utf8)))
            #expect(try host.readKey("pf_enable", inFile: path) == "YES")
            try host.writeKey("pf_enable", value: nil, inFile: path)
            #expect(try host.readFile(path) == Data(Self.original))
        }
    }

    @Test func theDocumentWritesBackTheBytesItRead() throws {
        var document = try RCConfDocument(bytes: Self.original)
        #expect(document.bytes == Self.original)
        document.set("hostname", to: "web2")
        #expect(document.bytes == Array("# caf".utf8) + [0xE9] + Array("\nhostname=\"web2\"\n# \u{00}".utf8) + [0xFF, 0x0A])
    }
}
