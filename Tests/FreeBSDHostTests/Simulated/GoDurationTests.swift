import Testing
@testable import FreeBSDHost

@Suite struct GoDurationTests {
    @Test(arguments: [
        ("60s", "1m0s"), ("0", "0s"), ("0s", "0s"), ("90s", "1m30s"), ("1.5h", "1h30m0s"),
        ("250ms", "250ms"), ("1m30.5s", "1m30.5s"), ("2h", "2h0m0s"), ("1500us", "1.5ms"),
    ])
    func parsesAndPrintsLikeGo(text: String, printed: String) throws {
        #expect(try #require(GoDuration(text)).description == printed)
    }

    @Test(arguments: ["", "soon", "60", "1x", "s", ".s", "-"])
    func refusesWhatGoRefuses(text: String) {
        #expect(GoDuration(text) == nil)
    }
}
