import Foundation
import Testing
import TestSupport
@testable import ClawdieFirstboot

/// The help texts and the man page's SYNOPSIS come from `CommandTable`; these tests fail when
/// either drifts. `CLAWDIE_REGENERATE_GOLDEN=1 swift test --filter HelpTextTests` rewrites the
/// golden help files and the man page's SYNOPSIS after an intended change.
@Suite(.serialized) struct HelpTextTests {
    static let regenerate = ProcessInfo.processInfo.environment["CLAWDIE_REGENERATE_GOLDEN"] == "1"
    static let goldenFolder = "Tests/ClawdieFirstbootTests/Golden/help"
    static let manPage = "docs/clawdie-firstboot.8"

    /// Every command, and the tool itself (`clawdie-firstboot.txt`).
    static let helpFiles: [(file: String, arguments: [String])] =
        [("clawdie-firstboot.txt", ["--help"])] + CommandTable.commands.map { command in
            (command.name.replacingOccurrences(of: " ", with: "-") + ".txt", command.name.split(separator: " ").map(String.init) + ["--help"])
        }

    @Test(arguments: helpFiles.map(\.file))
    func helpMatchesItsGoldenFile(file: String) throws {
        let arguments = Self.helpFiles.first { $0.file == file }!.arguments
        var printed = ""
        let status = CommandLineTool.run(arguments, output: Output(colour: false, writeOut: { printed += $0 }, writeErr: { _ in }))
        #expect(status == .success)
        let path = RepositoryRoot.path + "/" + Self.goldenFolder + "/" + file
        if Self.regenerate { try printed.write(toFile: path, atomically: true, encoding: .utf8) }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(printed == golden, "\(arguments.joined(separator: " ")) differs from \(Self.goldenFolder)/\(file)")
    }

    @Test func everyCommandHasAGoldenFileAndNoOtherFileIsThere() throws {
        let present = try FileManager.default.contentsOfDirectory(atPath: RepositoryRoot.path + "/" + Self.goldenFolder).filter { !$0.hasPrefix(".") }.sorted()
        #expect(present == Self.helpFiles.map(\.file).sorted())
    }

    @Test func manPageSynopsisIsTheCommandTables() throws {
        let path = RepositoryRoot.path + "/" + Self.manPage
        var text = try String(contentsOfFile: path, encoding: .utf8)
        var start = try #require(text.range(of: ".Sh SYNOPSIS\n"))
        var end = try #require(text.range(of: ".Sh DESCRIPTION\n", range: start.upperBound..<text.endIndex))
        if Self.regenerate {
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: ManSynopsis.mdoc)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            start = try #require(text.range(of: ".Sh SYNOPSIS\n"))
            end = try #require(text.range(of: ".Sh DESCRIPTION\n", range: start.upperBound..<text.endIndex))
        }
        #expect(String(text[start.upperBound..<end.lowerBound]) == ManSynopsis.mdoc,
                "docs/clawdie-firstboot.8's SYNOPSIS is not the command table's; it should read:\n\(ManSynopsis.mdoc)")
    }

    @Test func everyOptionOfACommandIsInItsHelpAndSynopsis() {
        for command in CommandTable.commands {
            let help = HelpText.text(for: command)
            for option in command.options {
                #expect(help.contains(option.helpForm), "\(command.name) --help does not show \(option.helpForm)")
                if !command.isInternal {
                    #expect(ManSynopsis.mdoc.contains(option.manForm), "the SYNOPSIS does not show \(command.name) \(option.name)")
                }
            }
        }
    }

    @Test(arguments: [["nosuch", "--help"], ["simulate", "frob", "--help"], ["plan", "--frob", "--help"]])
    func helpForSomethingThatDoesNotExistIsAUsageError(arguments: [String]) {
        var errors = ""
        let status = CommandLineTool.run(arguments, output: Output(colour: false, writeOut: { _ in }, writeErr: { errors += $0 }))
        #expect(status == .usage)
        #expect(errors.hasPrefix("clawdie-firstboot: "))
    }

    @Test func helpAsAWordNamesTheCommand() throws {
        var printed = ""
        _ = CommandLineTool.run(["help", "status"], output: Output(colour: false, writeOut: { printed += $0 }, writeErr: { _ in }))
        #expect(printed == HelpText.text(for: try #require(CommandTable.command("status"))))
    }
}
