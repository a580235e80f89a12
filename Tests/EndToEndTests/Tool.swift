import FirstbootEngine
import Foundation
import FreeBSDHost

/// Runs the built `clawdie-firstboot` binary the way an operator or CI does.
struct Tool {
    struct Result {
        var status: Termination
        var stdout: String
        var stderr: String
        var exitCode: Int32? { if case .exited(let code) = status { code } else { nil } }
    }

    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The binary SwiftPM built beside the test bundle.
    static let binary: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("clawdie-firstboot").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let fallback = repository + "/.build/debug/clawdie-firstboot"
        precondition(FileManager.default.isExecutableFile(atPath: fallback), "build clawdie-firstboot first")
        return fallback
    }()

    /// A fresh scratch folder for one test.
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cfb-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    var profile: String
    var stateDirectory: String
    var config: String

    init(profile: String = Tool.repository + "/plans/hosts/cloud-vm.json", config: String? = nil) throws {
        let scratch = try Tool.scratch()
        self.profile = profile
        stateDirectory = scratch + "/state"
        if let config {
            self.config = config
        } else {
            self.config = scratch + "/empty.conf"
            try "".write(toFile: self.config, atomically: true, encoding: .utf8)
        }
    }

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let argv = [Tool.binary, "--config", config, "--host-profile", profile, "--state-dir", stateDirectory] + arguments
        var env = Command.defaultEnvironment
        env.merge(environment) { $1 }
        let result = try ProcessRunner().run(Command(argv, environment: env, timeout: 120))
        return Result(status: result.termination, stdout: result.stdoutText, stderr: result.stderrText)
    }

    /// The host as `facts` records it: what two runs are compared by.
    func facts() throws -> String {
        let result = try run(["facts"])
        precondition(result.exitCode == 0, "facts failed: \(result.stderr)")
        return result.stdout
    }

    /// The journal's records, one per line (empty when there is none).
    func journalLines() throws -> [String] {
        guard let text = try? String(contentsOfFile: stateDirectory + "/journal.jsonl", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    /// A copy of a profile with faults added, in a scratch folder.
    static func profile(_ base: String = repository + "/plans/hosts/cloud-vm.json", faults: [[String: Any]]) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: base))
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        object["faults"] = faults
        let path = try scratch() + "/profile.json"
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]).write(to: URL(fileURLWithPath: path))
        return path
    }
}
