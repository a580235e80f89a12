import Foundation
import Testing
@testable import FirstbootEngine

@Suite struct JSONValueTests {
    static func parse(_ text: String) throws -> JSONValue {
        try JSONValue.parse(Array(text.utf8))
    }

    @Test(arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        (" false ", .bool(false)),
        ("0", .integer(0)),
        ("-0", .integer(0)),
        ("42", .integer(42)),
        ("-17", .integer(-17)),
        ("9223372036854775807", .integer(.max)),
        ("-9223372036854775808", .integer(.min)),
        ("9.223372036854775808e18", .double(9_223_372_036_854_775_808)),
        ("1.5", .double(1.5)),
        ("-2.5e3", .double(-2500)),
        ("1E-2", .double(0.01)),
        ("\"\"", .string("")),
        ("\"plain text\"", .string("plain text")),
        ("[]", .array([])),
        ("{}", .object([])),
        ("[1, \"a\", null, [true]]", .array([.integer(1), .string("a"), .null, .array([.bool(true)])])),
        ("{\"b\": 1, \"a\": {\"c\": []}}", .object([JSONMember("b", .integer(1)), JSONMember("a", .object([JSONMember("c", .array([]))]))])),
        ("\r\n\t{ \"k\" : \"v\" }\n", .object([JSONMember("k", .string("v"))])),
    ])
    func everyKindOfValueParses(text: String, expected: JSONValue) throws {
        #expect(try Self.parse(text) == expected)
    }

    @Test(arguments: [
        ("\"a\\\"b\\\\c\\/d\"", "a\"b\\c/d"),
        ("\"\\b\\f\\n\\r\\t\"", "\u{08}\u{0C}\n\r\t"),
        ("\"\\u0041\\u00e9\\u20AC\"", "Aé€"),
        ("\"\\ud83d\\ude00 smile\"", "😀 smile"),
        ("\"caf\u{E9} \u{1F600}\"", "café 😀"),
        ("\"line\\nnext\\u0000end\"", "line\nnext\u{0}end"),
    ])
    func escapesAndUnicodeDecode(text: String, expected: String) throws {
        #expect(try Self.parse(text) == .string(expected))
    }

    @Test(arguments: [
        "", " ", "nul", "truth", "tru", "[", "]", "{", "[1,]", "[1 2]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":}",
        "01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "1e999", "NaN",
        "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\ud800\"", "\"\\ud800\\u0041\"", "\"\\udc00\"",
        "\"tab\there\"", "\"new\nline\"", "1 2", "{} x", "[] []", "// comment\n1", "'single'",
    ])
    func malformedDocumentsAreRejected(text: String) {
        #expect(throws: JSONParseError.self) { try Self.parse(text) }
    }

    @Test func trailingCommasAreAcceptedOnlyWhenAllowed() throws {
        let allowed = { (text: String) throws(JSONParseError) in try JSONValue.parse(Array(text.utf8), allowingTrailingCommas: true) }
        #expect(try allowed("[1, 2,]") == .array([.integer(1), .integer(2)]))
        #expect(try allowed("{\"a\": [true ,] , }") == .object([JSONMember("a", .array([.bool(true)]))]))
        for text in ["[,]", "{,}", "[1,,]", "{\"a\": 1,,}", "[1,", "{\"a\": 1,"] {
            #expect(throws: JSONParseError.self) { try allowed(text) }
        }
        #expect(throws: JSONParseError.self) { try Self.parse("[1, 2,]") }
    }

    @Test func invalidUTF8IsRejected() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0x5C, 0x6E, 0xF0, 0x90, 0x80, 0x22]] {
            #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes) }
        }
    }

    @Test func deepNestingIsRefusedWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try Self.parse(deep) }
        let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        _ = try Self.parse(allowed)
    }

    @Test func anErrorNamesWhereTheDocumentWentWrong() {
        #expect {
            try Self.parse("{\"a\": tru}")
        } throws: { error in
            (error as? JSONParseError)?.offset == 6 && "\(error)".contains("byte 6")
        }
    }

    /// Whatever JSONEncoder writes, the parser reads back as the same strings and numbers.
    @Test func encoderOutputParsesToTheSameValues() throws {
        let strings = ["", "plain", "quote \" backslash \\ slash /", "controls \u{0}\u{1}\u{1F}\t\n\r", "é€😀", "\u{7F}\u{2028}"]
        let encoded = try JSONCoding.line(["strings": strings])
        #expect(try JSONFields(JSONValue.parse(encoded)).strings("strings") == strings)
        let numbers: [Int64] = [0, -1, 1_800_000_000, .max, .min]
        #expect(try JSONValue.parse(JSONCoding.line(numbers)) == .array(numbers.map(JSONValue.integer)))
    }

    /// One rule for every reader built on the parser (journal, host profile, state): a key
    /// given twice is refused, naming the key; a whole number beyond 64 bits is refused rather
    /// than rounded to Int64.min.
    @Test(arguments: [
        ("{\"seq\":1,\"seq\":2}", "the key \"seq\" is given twice in one object"),
        ("{\"a\":{\"k\":1,\"k\":1}}", "the key \"k\" is given twice in one object"),
        ("{\"n\":-9223372036854775809}", "the whole number \"-9223372036854775809\" does not fit in 64 bits"),
        ("[18446744073709551616]", "the whole number \"18446744073709551616\" does not fit in 64 bits"),
    ])
    func repeatedKeysAndOutOfRangeIntegersAreRefused(_ text: String, _ message: String) {
        #expect(performing: { _ = try JSONValue.parse(Array(text.utf8)) }, throws: { "\($0)".contains(message) })
    }

    @Test func aRoundedDoubleIsNotTakenAsAnInteger() throws {
        #expect(try JSONValue.parse(Array("-9.223372036854775809e18".utf8)).int64Value == nil)
        #expect(try JSONValue.parse(Array("-9223372036854775808".utf8)).int64Value == .min)
        #expect(try JSONValue.parse(Array("3.0".utf8)).int64Value == 3)
    }

    @Test func fieldsCheckTypesAndTreatNullAsAbsent() throws {
        let c = try JSONFields(Self.parse("{\"s\":\"x\",\"n\":3,\"w\":3.0,\"f\":2.5,\"b\":true,\"z\":null,\"l\":[\"a\"],\"d\":2}"))
        #expect(try c.string("s") == "x")
        #expect(try c.int("n") == 3)
        #expect(try c.int("w") == 3)
        #expect(try c.optionalString("z") == nil)
        #expect(try c.optionalString("absent") == nil)
        #expect(try c.strings("l") == ["a"])
        #expect(try c.int("d") == 2)
        #expect(throws: JSONShapeError(path: "f", expected: "a whole number")) { try c.int("f") }
        #expect(throws: JSONShapeError(path: "n", expected: "a string")) { try c.string("n") }
        #expect(throws: JSONShapeError(path: "z", expected: "true or false")) { try c.bool("z") }
        #expect(throws: JSONShapeError(path: "absent", expected: "a string")) { try c.string("absent") }
        #expect(throws: JSONShapeError(path: "b", expected: "no such field")) { try c.refuseOthers(than: ["s", "n", "w", "f", "z", "l", "d"]) }
    }
}
