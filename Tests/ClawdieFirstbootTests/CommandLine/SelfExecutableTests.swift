import Testing
@testable import ClawdieFirstboot

/// How the watcher finds the binary where there is no /proc/self/exe (FreeBSD by default).
@Suite struct SelfExecutableTests {
    private func resolve(_ argv0: String, executables: Set<String> = []) -> String {
        SelfExecutable.resolve(argv0: argv0, searchPath: "/sbin:/usr/local/bin", currentDirectory: "/root",
                               isExecutable: executables.contains)
    }

    @Test func absoluteRelativeAndSearchedNames() {
        #expect(resolve("/opt/bin/clawdie-firstboot") == "/opt/bin/clawdie-firstboot")
        #expect(resolve("./bin/clawdie-firstboot") == "/root/./bin/clawdie-firstboot")
        #expect(resolve("clawdie-firstboot", executables: ["/usr/local/bin/clawdie-firstboot"]) == "/usr/local/bin/clawdie-firstboot")
        #expect(resolve("cfb", executables: ["/sbin/cfb", "/usr/local/bin/cfb"]) == "/sbin/cfb")
        #expect(resolve("nowhere") == "/usr/local/bin/clawdie-firstboot")
    }
}
