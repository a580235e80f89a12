import Foundation
import Testing

/// What an operator sees while a run works (progress on stderr), what survives it (the boot
/// log), and the step timings `status --long` shows afterwards.
@Suite struct ProgressAndLogEndToEndTests {
    /// Whether `text` starts with `2026-12-02T06:11:20.023Z`.
    static func isTimestamp(_ text: some StringProtocol) -> Bool {
        let characters = Array(text.prefix(24))
        guard characters.count == 24 else { return false }
        let pattern = Array("0000-00-00T00:00:00.000Z")
        return zip(characters, pattern).allSatisfy { $1 == "0" ? $0.isASCII && $0.isNumber : $0 == $1 }
    }

    static func log(_ tool: Tool) throws -> String {
        try String(contentsOfFile: tool.stateDirectory + "/var/log/clawdie-firstboot.log", encoding: .utf8)
    }

    @Test func progressGoesToStderrAsTimestampedLinesAndLeavesStdoutAndJSONAlone() throws {
        let tool = try Tool()
        let result = try tool.run(["apply", "--json"])
        #expect(result.exitCode == 0)
        // stdout is the JSON document alone.
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let phase = try RegistryPhase.firstboot()
        #expect(summary?["applied"] as? [String] == phase.changing.map(\.name))
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { Self.isTimestamp($0) && $0.dropFirst(24).first == " " }, "\(result.stderr)")
        let texts = lines.map { String($0.drop { $0 != " " }.dropFirst()) }
        #expect(texts == phase.progress)
    }

    @Test func quietSilencesProgressButNotTheResultOrTheLog() throws {
        let tool = try Tool()
        let result = try tool.run(["--quiet", "apply"])
        #expect(result.exitCode == 0 && result.stderr.isEmpty)
        let phase = try RegistryPhase.firstboot()
        #expect(result.stdout == "applied: \(phase.changing.joined(separator: ", ")) (\(phase.count - phase.changing.count) unchanged)\n")
        #expect(try Self.log(tool).contains("run finished in "))
    }

    @Test func theLogKeepsEveryRunAndSurvivesACrashWithAtMostTheCrashedRunUnfinished() throws {
        let tool = try Tool()
        // Killed by SIGKILL after the 12th durable journal write: inside write-pf-conf.
        let crashed = try tool.run(["apply", "--quiet"], environment: ["CLAWDIE_FIRSTBOOT_FAILPOINT": "12"])
        #expect(crashed.exitCode == nil)
        let afterCrash = try Self.log(tool)
        #expect(afterCrash.hasSuffix("\n"))
        #expect(afterCrash.contains("step create-bridge: applied in "))
        #expect(!afterCrash.contains("run finished"))
        #expect(try tool.run(["apply", "--quiet"]).exitCode == 0)
        let lines = try Self.log(tool).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { Self.isTimestamp($0) })
        #expect(Array(lines.prefix(afterCrash.split(separator: "\n").count)) == afterCrash.split(separator: "\n").map(String.init))
        let runLine = " apply of firstboot: \(try RegistryPhase.firstboot().count) steps"
        #expect(lines.filter { $0.hasSuffix(runLine) }.count == 2)
        #expect(lines.last?.contains(" run finished in ") == true)
        #expect(lines.contains { $0.contains("step write-pf-conf: applied in ") })
    }

    @Test func aFailedRunLogsTheErrorAndWhatToDo() throws {
        let profile = try Tool.profile(faults: [["argv": ["/sbin/pfctl", "-e"], "exit_status": 1, "stderr": "pfctl: DIOCSTART: Operation not supported\n"]])
        let tool = try Tool(profile: profile)
        #expect(try tool.run(["apply", "--quiet"]).exitCode == 1)
        let log = try Self.log(tool)
        #expect(log.contains(" step enable-pf: FAILED after "))
        #expect(log.contains("pfctl: DIOCSTART: Operation not supported"))
        #expect(log.contains(" run FAILED after "))
        #expect(log.contains(" what to do: fix the cause above, then run `clawdie-firstboot apply`"))
    }

    @Test func statusLongShowsEachStepsStartDurationAndOutcomeOfTheLastRun() throws {
        let tool = try Tool()
        #expect(try tool.run(["apply", "--quiet"]).exitCode == 0)
        let long = try tool.run(["status", "--long"])
        let lines = long.stdout.split(separator: "\n").map(String.init)
        let phase = try RegistryPhase.firstboot()
        #expect(lines[0] == "complete: \(phase.done(phase.count))")
        #expect(lines[1].hasPrefix("last run: apply, started ") && lines[1].contains(", succeeded in "))
        #expect(lines[2].split(separator: " ") == ["step", "state", "start", "duration", "outcome"])
        let rows = lines.dropFirst(3).map { $0.split(separator: " ").map(String.init) }
        #expect(rows.map { $0[0] } == phase.ids.map(\.name))
        #expect(rows.map { $0.last! } == phase.ids.map { phase.changing.contains($0) ? "applied" : "unchanged" })
        #expect(rows.allSatisfy { Self.isTimestamp($0[2]) && $0[1] == "done" })
    }
}
