import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The plan as a person reads it: a summary line, then each step with `~` (changes), `=`
/// (no change), `?` (checked at apply time) or `!` (resumed: undone, then applied afresh)
/// and its changes — unified diffs for files,
/// `key: old -> new` for rc.conf, the argv for commands.
struct PlanText {
    var colour: Bool

    func render(_ plan: Plan) -> String {
        var out = summary(plan) + "\n"
        let width = plan.steps.map(\.id.name.count).max() ?? 0
        for step in plan.steps {
            out += "\n"
            let marker: String
            let what: String
            switch step.action {
            case .apply:
                marker = paint("~", .yellow)
                what = step.changes.count == 1 ? "1 change" : "\(step.changes.count) changes"
            case .noop:
                marker = "="
                what = "no change"
            case .deferred:
                marker = paint("?", .yellow)
                what = step.changes.isEmpty ? "checked at apply time"
                    : "\(step.changes.count) change\(step.changes.count == 1 ? "" : "s"), checked at apply time"
            case .resume:
                marker = paint("!", .yellow)
                what = "resume: \(step.undo.count) undone, then \(step.changes.count) change\(step.changes.count == 1 ? "" : "s")"
            }
            var line = "\(marker) \(step.id.name + String(repeating: " ", count: width - step.id.name.count))  [\(step.phase)] \(what)"
            if let note = step.note { line += " - \(note)" }
            out += line + "\n"
            if step.action == .resume {
                out += "    undo, from the journal:\n"
                out += step.undo.flatMap(render).map { "      " + $0 + "\n" }.joined()
                out += "    then:\n"
                out += step.changes.flatMap(render).map { "      " + $0 + "\n" }.joined()
                continue
            }
            for change in step.changes {
                out += render(change).map { "    " + $0 + "\n" }.joined()
            }
        }
        return out
    }

    func summary(_ plan: Plan) -> String {
        let applying = plan.steps.filter { $0.action != .noop }
        guard !applying.isEmpty else {
            return "No changes: the host already matches the configuration (\(plan.steps.count) steps checked)."
        }
        // What changes on the host: a key or file that several steps change is counted once;
        // the undo before a resumed step changes the host too.
        var fileSet = Set<String>(), keySet = Set<String>(), commands = 0
        for planned in plan.steps.flatMap({ $0.undo + $0.changes }) {
            switch planned.change {
            case .writeFile(let path, _, _, _, _), .removeFile(let path): fileSet.insert(path)
            case .setKey(let file, let key, _), .unsetKey(let file, let key): keySet.insert(file + "\u{0}" + key)
            case .run: commands += 1
            }
        }
        let files = fileSet.count, keys = keySet.count
        return "Plan: \(applying.count) of \(plan.steps.count) steps change the host: \(files) file\(files == 1 ? "" : "s"), \(keys) rc.conf key\(keys == 1 ? "" : "s"), \(commands) command\(commands == 1 ? "" : "s")."
    }

    private func render(_ planned: PlannedChange) -> [String] {
        switch planned.change {
        case .writeFile(let path, let contents, let mode, let owner, let validate):
            var head: String
            if let before = planned.fileBefore {
                head = paint("~", .yellow) + " \(path)"
                if before.mode != mode { head += " (mode \(octal(before.mode)) -> \(octal(mode)))" }
                if before.owner != owner { head += " (owner \(before.owner) -> \(owner))" }
            } else {
                head = paint("+", .green) + " \(path) (new file, mode \(octal(mode)), owner \(owner))"
            }
            if let validate { head += ", checked with `\(Command.display(validate.map { $0 == "{}" ? path : $0 }))`" }
            return [head] + diffLines(before: planned.fileBefore?.contents, after: contents, path: path)
        case .removeFile(let path):
            return [paint("-", .red) + " \(path) (removed)"] + diffLines(before: planned.fileBefore?.contents, after: nil, path: path)
        case .setKey(let file, let key, let value):
            return [paint("~", .yellow) + " \(file): \(key): \(planned.keyBefore ?? "(unset)") -> \(value)"]
        case .unsetKey(let file, let key):
            return [paint("-", .red) + " \(file): \(key): \(planned.keyBefore ?? "(unset)") -> (unset)"]
        case .run(let argv, _):
            return ["$ " + Command.display(argv)]
        }
    }

    private func diffLines(before: Data?, after: Data?, path: String) -> [String] {
        guard let diff = FileDiff.make(before: before, after: after, path: path) else { return ["  (contents are not text)"] }
        return diff.utf8.split(separator: UInt8(ascii: "\n")).map { bytes in
            let line = String(bytes)!
            switch bytes.first {
            case UInt8(ascii: "+") where !line.hasPrefix("+++"): return "  " + paint(line, .green)
            case UInt8(ascii: "-") where !line.hasPrefix("---"): return "  " + paint(line, .red)
            default: return "  " + line
            }
        }
    }

    enum Colour: String { case red = "31", green = "32", yellow = "33" }

    private func paint(_ text: String, _ colour: Colour) -> String {
        self.colour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}
