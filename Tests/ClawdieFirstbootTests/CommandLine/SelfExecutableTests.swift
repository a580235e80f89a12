@testable import ClawdieFirstboot
import Testing

/// The binary the watcher is started from is named by an absolute path, however this one was
/// started (the watcher runs in `/`), and found without /proc/self/exe (FreeBSD by default).
@Suite struct SelfExecutableTests {
    @Test(arguments: [
        ("/usr/local/sbin/clawdie-firstboot", "/usr/local/sbin/clawdie-firstboot"),
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

    @Test func theFirstExecutableAlongThePathWinsAndTheInstalledPathIsTheLastResort() {
        func resolve(_ argv0: String, executables: Set<String> = []) -> String {
            SelfExecutable.resolve(argv0, searchPath: "/sbin:/usr/local/bin", currentDirectory: "/root",
                                   isExecutable: executables.contains)
        }
        #expect(resolve("cfb", executables: ["/sbin/cfb", "/usr/local/bin/cfb"]) == "/sbin/cfb")
        #expect(resolve("nowhere") == "/usr/local/sbin/clawdie-firstboot")
    }
}
