import FirstbootEngine
import FreeBSDHost
import Foundation
import Testing
import TestSupport
@testable import ClawdieFirstboot

/// Progress lines as an operator sees them, on a fake clock (2027-01-15T08:00:00Z).
@Suite struct ProgressPrinterTests {
    static let start = 1_800_000_000.0

    static func printer(terminal: Bool) -> (ProgressPrinter, FakeClock, () -> String) {
        let clock = FakeClock(start)
        var written = ""
        let printer = ProgressPrinter(clock: clock, terminal: terminal, write: { written += $0 })
        return (printer, clock, { written })
    }

    @Test func plainLinesAreTimestampedAndGiveTheTimeOfASlowStep() {
        let (printer, clock, written) = Self.printer(terminal: false)
        printer.stepStarted("detect-ext-if", index: 1, of: 2)
        clock.advance(0.25)
        printer.stepFinished("detect-ext-if", outcome: .unchanged, seconds: 0.25)
        printer.stepStarted("install-tailscale", index: 2, of: 2)
        printer.commandStarted(["/usr/sbin/pkg", "install", "-y", "tailscale"], timeout: 120)
        printer.commandStarted(["/sbin/ifconfig", "bridge0", "up"], timeout: 120)
        clock.advance(42.5)
        printer.stepFinished("install-tailscale", outcome: .applied, seconds: 42.5)
        #expect(written() == """
        2027-01-15T08:00:00.000Z [1/2] detect-ext-if ...
        2027-01-15T08:00:00.250Z [1/2] detect-ext-if: unchanged
        2027-01-15T08:00:00.250Z [2/2] install-tailscale ...
        2027-01-15T08:00:00.250Z [2/2] install-tailscale: waiting for `/usr/sbin/pkg install -y tailscale` (at most 2 min)
        2027-01-15T08:00:42.750Z [2/2] install-tailscale: applied (43 s)

        """)
    }

    @Test func aLongWaitIsRepeatedAtMostEveryTenSecondsWhenNotATerminal() {
        let (printer, clock, written) = Self.printer(terminal: false)
        printer.stepStarted("wait-tailnet", index: 1, of: 1)
        for _ in 0..<25 {
            printer.waiting(for: "the tailnet", secondsLeft: 120 - (clock.now() - Self.start))
            clock.advance(1)
        }
        let waits = written().split(separator: "\n").filter { $0.contains("waiting for") }
        #expect(waits == [
            "2027-01-15T08:00:00.000Z [1/1] wait-tailnet: waiting for the tailnet: 2 min left",
            "2027-01-15T08:00:10.000Z [1/1] wait-tailnet: waiting for the tailnet: 110 s left",
            "2027-01-15T08:00:20.000Z [1/1] wait-tailnet: waiting for the tailnet: 100 s left",
        ])
    }

    @Test func aTerminalGetsOneRedrawnLineAndALastingLinePerStep() {
        let (printer, clock, written) = Self.printer(terminal: true)
        printer.stepStarted("wait-tailnet", index: 3, of: 5)
        printer.waiting(for: "the tailnet", secondsLeft: 30)
        clock.advance(1)
        printer.waiting(for: "the tailnet", secondsLeft: 29)
        clock.advance(2)
        printer.stepFinished("wait-tailnet", outcome: .unchanged, seconds: 3)
        printer.runFinished(error: nil, seconds: 3)
        let clear = "\r\u{1B}[K"
        #expect(written() == clear + "[3/5] wait-tailnet ..."
            + clear + "[3/5] wait-tailnet: waiting for the tailnet: 30 s left"
            + clear + "[3/5] wait-tailnet: waiting for the tailnet: 29 s left"
            + clear + "[3/5] wait-tailnet: unchanged (3.0 s)\n")
    }

    @Test func aLongCommandSaysHowLongIsLeftWhileItRuns() {
        let (printer, clock, written) = Self.printer(terminal: false)
        let pkg = ["/usr/sbin/pkg", "install", "-y", "tailscale"]
        printer.stepStarted("install-tailscale", index: 1, of: 1)
        printer.commandStarted(pkg, timeout: 120)
        printer.commandStarted(["/sbin/ifconfig", "bridge0", "up"], timeout: 120)
        for second in 1...25 {
            clock.advance(1)
            printer.commandRunning(pkg, seconds: Double(second), timeout: 120)
            printer.commandRunning(["/sbin/ifconfig", "bridge0", "up"], seconds: Double(second), timeout: 120)
        }
        #expect(written().split(separator: "\n").filter { $0.contains("waiting for") } == [
            "2027-01-15T08:00:00.000Z [1/1] install-tailscale: waiting for `/usr/sbin/pkg install -y tailscale` (at most 2 min)",
            "2027-01-15T08:00:10.000Z [1/1] install-tailscale: waiting for `/usr/sbin/pkg install -y tailscale`: 110 s left",
            "2027-01-15T08:00:20.000Z [1/1] install-tailscale: waiting for `/usr/sbin/pkg install -y tailscale`: 100 s left",
        ])
    }

    @Test func aTerminalRedrawsTheWaitOfARealSlowCommand() throws {
        // A harmless stand-in named pkg, so the printer treats it as `pkg install`.
        let scratch = try TemporaryDirectory()
        let directory = scratch.path
        let pkg = directory + "/pkg"
        try Data("#!/bin/sh\nexec /bin/sleep 2.5\n".utf8).write(to: URL(fileURLWithPath: pkg))
        #expect(chmod(pkg, 0o755) == 0)
        let argv = [pkg, "install", "-y", "tailscale"]

        let (printer, _, written) = Self.printer(terminal: true)
        printer.stepStarted("install-tailscale", index: 2, of: 4)
        printer.commandStarted(argv, timeout: 60)
        let result = try SystemHost().run(Command(argv, timeout: 60), tickEvery: 1) { seconds in
            printer.commandRunning(argv, seconds: seconds, timeout: 60)
        }
        #expect(result.termination == .exited(0))
        let redraws = written().components(separatedBy: "\r\u{1B}[K").filter { !$0.isEmpty }
        let waiting = "[2/4] install-tailscale: waiting for `\(pkg) install -y tailscale`"
        #expect(redraws.first == "[2/4] install-tailscale ...")
        #expect(redraws.dropFirst().first == waiting + " (at most 60 s)")
        // At least one redraw while it ran, each saying how long is left.
        let ticks = redraws.dropFirst(2)
        #expect(!ticks.isEmpty)
        #expect(ticks.allSatisfy { $0.hasPrefix(waiting + ": ") && $0.hasSuffix(" s left") })
    }

    @Test func aFailedStepSaysSoWithItsTime() {
        let (printer, _, written) = Self.printer(terminal: false)
        printer.stepStarted("enable-pf", index: 5, of: 5)
        printer.stepFinished("enable-pf", outcome: .failed("pfctl -e failed"), seconds: 1.5)
        #expect(written().hasSuffix(" [5/5] enable-pf: failed (1.5 s)\n"))
    }
}
