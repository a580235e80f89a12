import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// A restored host reads back every state the host writes as the same value, and refuses a
/// damaged one.
@Suite struct SimulatedStateDecodingTests {
    static func handDecoded(_ data: Data) throws -> SimulatedState {
        try SimulatedState(json: JSONFields(JSONValue.parse(data)))
    }

    @Test(arguments: ["cloud-vm", "bare-metal"])
    func aChangedStateReadsBackAsTheSameValue(profile: String) throws {
        let host = try SimulatedSupport.host(profile)
        try host.sh("/sbin/ifconfig", "bridge", "create", "name", "warden0", "up", "description", "agent \"bridge\"")
        try host.sh("/usr/sbin/sysrc", "pf_enable=YES")
        try host.writeFile("/root/binary", contents: Data([0xFF, 0x00, 0x80]), mode: 0o600, owner: FileOwner(uid: 1001, gid: 1001))
        try host.write("/etc/pf.conf", "set skip on lo0\ntable <t> persist { 10.0.0.1 }\npass all\n")
        try host.sh("/sbin/kldload", "pf")
        try host.sh("/sbin/pfctl", "-f", "/etc/pf.conf")
        try host.sh("/sbin/pfctl", "-e")
        let data = try JSONCoding.document(host.state)
        let decoded = try Self.handDecoded(data)
        #expect(decoded == host.state)
        #expect(try JSONCoding.document(decoded) == data)
    }

    @Test(arguments: [
        ("\"mode\" : \"0644\"", "\"mode\" : \"0999\""),
        ("\"owner\" : \"root:wheel\"", "\"owner\" : \"nobody:nosuchgroup\""),
        ("\"mode\" : \"0644\"", "\"mode\" : \"0644\", \"colour\" : \"red\""),
        ("\"kind\" : \"physical\"", "\"kind\" : \"wormhole\""),
        ("\"boots\" : 0", "\"boots\" : \"0\""),
        ("\"hostname\"", "\"hostnam\""),
        ("\"rcorderTies\" : \"ascending\"", "\"rcorderTies\" : \"asecnding\""),
        ("\"rcorderTies\" : \"ascending\",", ""),
    ])
    func aDamagedStateIsRefused(find: String, replace: String) throws {
        let host = try SimulatedSupport.host("cloud-vm")
        let text = String(decoding: try JSONCoding.document(host.state), as: UTF8.self)
        let range = try #require(text.range(of: find))
        let damaged = Data(text.replacingCharacters(in: range, with: replace).utf8)
        #expect(throws: JSONShapeError.self) { try Self.handDecoded(damaged) }
    }
}
