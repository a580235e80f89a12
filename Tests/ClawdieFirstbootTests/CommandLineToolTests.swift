import Testing
@testable import ClawdieFirstboot

@Suite struct CommandLineToolTests {
    @Test func helpAndVersionSucceedAndUnknownCommandsFail() {
        #expect(CommandLineTool.main(["--help"]) == 0)
        #expect(CommandLineTool.main(["--version"]) == 0)
        #expect(CommandLineTool.main(["frobnicate"]) == 1)
    }
}
