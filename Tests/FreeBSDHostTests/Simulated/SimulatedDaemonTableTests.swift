import FirstbootEngine
import Foundation
import Testing
@testable import FreeBSDHost

/// A daemon is one entry of `SimulatedDaemon.table`: an entry the simulator has never seen
/// starts, stops, reports its status and is listed by `service -e` with no other code.
@Suite struct SimulatedDaemonTableTests {
    /// A throwaway daemon whose start and stop leave a mark on the host: a file.
    static let throwaway = SimulatedDaemon(
        name: "throwawayd", path: "/etc/rc.d/throwawayd", rcvar: "throwawayd_enable",
        header: RCScriptHeader(provide: ["throwawayd"], require: ["DAEMON"]), package: nil,
        pid: { $0.services["throwawayd"] },
        start: { state in
            state.services["throwawayd"] = state.allocatePID()
            state.files["/var/run/throwawayd.ready"] = ProfileFile(text: "ready\n", mode: 0o644)
            return CommandOutput(stdout: "Starting throwawayd.\n")
        },
        stop: { state in
            state.services["throwawayd"] = nil
            state.files["/var/run/throwawayd.ready"] = nil
            return CommandOutput()
        })

    @Test func aNewTableEntryIsAServiceWithNoOtherCode() throws {
        var state = try SimulatedSupport.host().state
        let daemons = SimulatedDaemon.table + [Self.throwaway]
        func service(_ args: String...) throws -> CommandOutput { try state.service(args, daemons: daemons) }

        #expect(try service("throwawayd", "start").stdout
            == "Cannot 'start' throwawayd. Set throwawayd_enable to YES in /etc/rc.conf or use 'onestart' instead of 'start'.\n")
        #expect(try service("throwawayd", "status") == CommandOutput(stdout: "throwawayd is not running.\n", status: 1))
        #expect(try service("throwawayd", "enable").stdout == "throwawayd enabled in /etc/rc.conf\n")
        #expect(try service("-e").stdout.split(separator: "\n").contains("/etc/rc.d/throwawayd"))

        #expect(try service("throwawayd", "start") == CommandOutput(stdout: "Starting throwawayd.\n"))
        #expect(state.files["/var/run/throwawayd.ready"] != nil)
        let pid = try #require(state.services["throwawayd"])
        #expect(try service("throwawayd", "status").stdout == "throwawayd is running as pid \(pid).\n")
        #expect(try service("throwawayd", "start") == .failure("throwawayd already running? (pid=\(pid))."))

        #expect(try service("throwawayd", "stop").stdout == "Stopping throwawayd.\nWaiting for PIDS: \(pid).\n")
        #expect(state.files["/var/run/throwawayd.ready"] == nil)
        #expect(try service("throwawayd", "stop") == .failure("throwawayd not running? (check /var/run/throwawayd.pid)."))
    }

    @Test func withoutItsEntryTheDaemonDoesNotExist() throws {
        var state = try SimulatedSupport.host().state
        #expect(try state.service(["throwawayd", "start"]).status == 1)
    }
}
