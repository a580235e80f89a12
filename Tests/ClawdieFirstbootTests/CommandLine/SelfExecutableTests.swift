@testable import ClawdieFirstboot
import Testing

/// The binary the watcher is started from is named by an absolute path, however this one was
/// started: the watcher runs in `/`.
@Suite struct SelfExecutableTests {
    @Test(arguments: [
        ("/usr/local/bin/clawdie-firstboot", "/usr/local/bin/clawdie-firstboot"),
        ("./clawdie-firstboot", "/home/op/./clawdie-firstboot"),
        ("bin/clawdie-firstboot", "/home/op/bin/clawdie-firstboot"),
        ("clawdie-firstboot", "/home/op/tools/clawdie-firstboot"),
    ])
    func theBinaryIsNamedByAnAbsolutePath(argv0: String, expected: String) {
        let found = SelfExecutable.resolve(argv0, searchPath: "/usr/bin:tools", currentDirectory: "/home/op") {
            $0 == "/home/op/tools/clawdie-firstboot"
        }
        #expect(found == expected)
    }
}
