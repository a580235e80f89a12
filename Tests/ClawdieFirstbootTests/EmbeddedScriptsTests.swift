import Testing
import TestSupport
@testable import ClawdieFirstboot

@Suite struct EmbeddedScriptsTests {
    @Test func theBinaryEmbedsExactlyTheFilesInRCD() throws {
        // After editing rc.d/, run tools/embed-rc-scripts.
        #expect(EmbeddedScripts.pfReload == (try RepositoryRoot.read("rc.d/pf_reload")))
        #expect(EmbeddedScripts.clawdieFirstboot == (try RepositoryRoot.read("rc.d/clawdie_firstboot")))
    }
}
