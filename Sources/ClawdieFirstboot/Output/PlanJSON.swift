import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The plan in machine-readable form (docs/plan-format.md), `format_version` 1.
struct PlanJSON: Encodable {
    static let formatVersion = 1

    struct Step: Encodable {
        var id: StepID
        var phase: Phase
        var action: String
        var note: String?
        var changes: [ChangeJSON]
        /// For a step to resume: what apply undoes first, from the journal; empty otherwise.
        var undo: [ChangeJSON]

        /// `note` is null rather than absent, so every step has the same keys.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(phase, forKey: .phase)
            try c.encode(action, forKey: .action)
            try c.encode(note, forKey: .note)
            try c.encode(changes, forKey: .changes)
            try c.encode(undo, forKey: .undo)
        }

        enum CodingKeys: String, CodingKey { case id, phase, action, note, changes, undo }
    }

    struct ChangeJSON: Encodable {
        var kind: String
        var path: String?
        var mode: String?
        var owner: String?
        var beforeSHA256: String?
        var afterSHA256: String?
        var diff: String?
        var validatedWith: [String]?
        var file: String?
        var key: String?
        var before: String?
        var after: String?
        var argv: [String]?

        enum CodingKeys: String, CodingKey {
            case kind, path, mode, owner, diff, file, key, before, after, argv
            case beforeSHA256 = "before_sha256", afterSHA256 = "after_sha256", validatedWith = "validated_with"
        }

        /// Absent values are written as JSON null for the fields of their kind, so every
        /// change of a kind has the same keys.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            switch kind {
            case "file":
                try c.encode(path, forKey: .path)
                try c.encode(mode, forKey: .mode)
                try c.encode(owner, forKey: .owner)
                try c.encode(beforeSHA256, forKey: .beforeSHA256)
                try c.encode(afterSHA256, forKey: .afterSHA256)
                try c.encode(diff, forKey: .diff)
                try c.encode(validatedWith, forKey: .validatedWith)
            case "rcconf":
                try c.encode(file, forKey: .file)
                try c.encode(key, forKey: .key)
                try c.encode(before, forKey: .before)
                try c.encode(after, forKey: .after)
            default:
                try c.encode(argv, forKey: .argv)
            }
        }
    }

    var formatVersion = PlanJSON.formatVersion
    var changesPending: Bool
    var steps: [Step]

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", changesPending = "changes_pending", steps
    }

    init(_ plan: Plan) {
        changesPending = plan.hasChanges
        steps = plan.steps.map { step in
            Step(id: step.id, phase: step.phase, action: step.action.rawValue, note: step.note,
                 changes: step.changes.map(Self.change), undo: step.undo.map(Self.change))
        }
    }

    private static func change(_ planned: PlannedChange) -> ChangeJSON {
        switch planned.change {
        case .writeFile(let path, let contents, let mode, let owner, let validate):
            let before = planned.fileBefore
            return ChangeJSON(kind: "file", path: path, mode: octal(mode), owner: owner.description,
                              beforeSHA256: before.map { SHA256.hex($0.contents) }, afterSHA256: SHA256.hex(contents),
                              diff: FileDiff.make(before: before?.contents, after: contents, path: path),
                              validatedWith: validate.map { $0.map { $0 == "{}" ? path : $0 } })
        case .removeFile(let path):
            let before = planned.fileBefore
            return ChangeJSON(kind: "file", path: path, mode: before.map { octal($0.mode) }, owner: before?.owner.description,
                              beforeSHA256: before.map { SHA256.hex($0.contents) }, afterSHA256: nil,
                              diff: FileDiff.make(before: before?.contents, after: nil, path: path))
        case .setKey(let file, let key, let value):
            return ChangeJSON(kind: "rcconf", file: file, key: key, before: planned.keyBefore, after: value)
        case .unsetKey(let file, let key):
            return ChangeJSON(kind: "rcconf", file: file, key: key, before: planned.keyBefore, after: nil)
        case .run(let argv, _):
            return ChangeJSON(kind: "command", argv: argv)
        }
    }
}
