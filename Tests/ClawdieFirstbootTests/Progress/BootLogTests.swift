import FirstbootEngine
import Foundation
import Testing
import TestSupport
@testable import ClawdieFirstboot

/// The boot log on a file of this machine (in a temporary directory).
@Suite struct BootLogTests {
    static func logFile() throws -> String {
        try TemporaryDirectory.keptUntilExit() + "/clawdie-firstboot.log"
    }

    @Test func aRunAppendsItsStartEachStepAndItsEnd() throws {
        let path = try Self.logFile()
        let clock = FakeClock(1_800_000_000)
        let log = BootLog(path: path, clock: clock, warn: { Issue.record("unexpected warning \($0)") })
        log.note("apply --boot (pid 7, clawdie-firstboot 0.1.0)")
        log.runStarted(command: "apply", phases: ["firstboot"], steps: 2)
        clock.advance(0.081)
        log.stepFinished("create-bridge", outcome: .applied, seconds: 0.081)
        clock.advance(1.5)
        log.stepFinished("enable-pf", outcome: .failed("`/sbin/pfctl -e` failed (exit status 1): pfctl: DIOCSTART: Operation not supported"), seconds: 1.5)
        log.runFinished(error: "step enable-pf failed", seconds: 1.6)
        log.failed(HostError("step enable-pf failed"))  // already told by the run: not repeated
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[0] == "2027-01-15T08:00:00.000Z apply --boot (pid 7, clawdie-firstboot 0.1.0)")
        #expect(lines[1] == "2027-01-15T08:00:00.000Z apply of firstboot: 2 steps")
        #expect(lines[2] == "2027-01-15T08:00:00.081Z step create-bridge: applied in 81 ms")
        #expect(lines[3].hasSuffix(" step enable-pf: FAILED after 1.5 s: `/sbin/pfctl -e` failed (exit status 1): pfctl: DIOCSTART: Operation not supported"))
        #expect(lines[4].hasSuffix(" run FAILED after 1.6 s: step enable-pf failed"))
        #expect(lines[5].contains("what to do: fix the cause above, then run `clawdie-firstboot apply`"))
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o644)
    }

    @Test func aLineTornByAPowerCutIsEndedBeforeTheNextRunWrites() throws {
        let path = try Self.logFile()
        try Data("2027-01-15T07:59:00.000Z apply --boot (pid 3, clawdie-firstboot 0.1.0)\n2027-01-15T07:59:00.100Z step crea".utf8)
            .write(to: URL(fileURLWithPath: path))
        let log = BootLog(path: path, clock: FakeClock(), warn: { _ in })
        log.note("apply --boot (pid 9, clawdie-firstboot 0.1.0)")
        log.note("apply of firstboot: 5 steps")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines == [
            "2027-01-15T07:59:00.000Z apply --boot (pid 3, clawdie-firstboot 0.1.0)",
            "2027-01-15T07:59:00.100Z step crea",
            "2027-01-15T08:00:00.000Z apply --boot (pid 9, clawdie-firstboot 0.1.0)",
            "2027-01-15T08:00:00.000Z apply of firstboot: 5 steps",
            "",
        ])
    }

    @Test func aLogThatCannotBeWrittenWarnsOnceAndNeverStopsTheRun() throws {
        // Its directory is a plain file.
        let notADirectory = try Self.logFile()
        try Data().write(to: URL(fileURLWithPath: notADirectory))
        let path = notADirectory + "/clawdie-firstboot.log"
        var warnings: [String] = []
        let log = BootLog(path: path, clock: FakeClock(), warn: { warnings.append($0) })
        log.note("one")
        log.note("two")
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("cannot write the boot log: ") == true)
    }
}
