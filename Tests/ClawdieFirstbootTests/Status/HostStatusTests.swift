@testable import ClawdieFirstboot
import FirstbootEngine
import Testing

/// What `status` says about a change held for confirmation, from the journal, the clock and
/// whether a watcher is alive.
@Suite struct HostStatusTests {
    static let deadline: Int64 = 1_800_000_300

    /// The journal of a lockdown applied and held until `deadline`, then `extra`.
    static func state(_ extra: [JournalEvent] = []) -> RunState {
        let events: [JournalEvent] = [
            .runStarted(RunStart(command: "apply", toolVersion: "t", settingsDigest: "d", phases: ["lockdown"], boot: false)),
            .confirmationRequested(step: StepID.lockdownPF, deadline: deadline),
            .stepBegun(step: StepID.lockdownPF),
            .stepDone(step: StepID.lockdownPF, changes: 2),
            .runFinished(succeeded: true, error: nil),
        ] + extra
        return RunState(records: events.enumerated().map { JournalRecord(seq: $0.offset, time: deadline - 300, event: $0.element) })
    }

    static func line(_ state: RunState, now: Int64, watcherRunning: Bool) -> String {
        HostStatus(runState: state, steps: PlatformSteps.all(Settings()), phases: ["lockdown"], bootRetryLimit: 3, lockHolder: nil,
                   now: Double(now), watcherRunning: watcherRunning).line
    }

    @Test func aWatchedDeadlineCountsDown() {
        #expect(Self.line(Self.state(), now: Self.deadline - 40, watcherRunning: true)
            == "awaiting-confirmation: lockdown-pf is reverted in 40 s unless confirmed: run clawdie-firstboot confirm from an SSH session over the tailnet")
    }

    @Test func anUnwatchedDeadlineSaysWhatWillRevertIt() {
        #expect(Self.line(Self.state(), now: Self.deadline - 40, watcherRunning: false)
            == "awaiting-confirmation: lockdown-pf is reverted in 40 s unless confirmed: run clawdie-firstboot confirm from an SSH session over the tailnet; no watcher is running: the first clawdie-firstboot command after the deadline reverts it")
    }

    /// Not "reverted in 0 s" for ever: once the deadline has passed, status says so.
    @Test func aPassedDeadlineWithNoWatcherIsSaidToHavePassed() {
        #expect(Self.line(Self.state(), now: Self.deadline + 25, watcherRunning: false)
            == "awaiting-confirmation: the confirmation deadline of lockdown-pf passed 25 s ago and no watcher is running to revert it: run clawdie-firstboot status as root, which reverts it")
        #expect(Self.line(Self.state(), now: Self.deadline + 1, watcherRunning: true)
            == "awaiting-confirmation: the confirmation deadline of lockdown-pf passed 1 s ago; the watcher is reverting it")
    }

    @Test func theWatchersLastErrorIsShown() {
        let state = Self.state([.watcherFailed(step: StepID.lockdownPF, error: "cannot read host profile /p.json")])
        #expect(Self.line(state, now: Self.deadline + 5, watcherRunning: true)
            == "awaiting-confirmation: the confirmation deadline of lockdown-pf passed 5 s ago; the watcher is reverting it; the watcher reported at 2027-01-15T08:00:00Z: cannot read host profile /p.json")
    }

    @Test func aRevertThatFailedOnTheWayIsReported() {
        let state = Self.state([
            .runStarted(RunStart(command: "rollback", toolVersion: "t", settingsDigest: "d", phases: ["lockdown"], boot: false)),
            .confirmationExpired(step: StepID.lockdownPF),
            .rollbackStarted(steps: [StepID.lockdownPF]),
            .runFinished(succeeded: false, error: "`/sbin/pfctl -f /etc/pf.conf` failed"),
        ])
        #expect(Self.line(state, now: Self.deadline + 5, watcherRunning: false)
            == "interrupted: the revert of lockdown-pf, whose confirmation deadline passed at 2027-01-15T08:05:00Z, has not finished: `/sbin/pfctl -f /etc/pf.conf` failed; the watcher and the next clawdie-firstboot command retry it, or run clawdie-firstboot rollback")
    }
}
