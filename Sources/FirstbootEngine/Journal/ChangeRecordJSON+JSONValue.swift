extension ChangeRecordJSON {
    /// Reads the members `encode(to:)` writes, every one optional but `kind`; `record()` checks
    /// which a kind needs.
    init(_ c: JSONFields) throws(JSONShapeError) {
        kind = try c.string(CodingKeys.kind.rawValue)
        path = try c.optionalString(CodingKeys.path.rawValue)
        file = try c.optionalString(CodingKeys.file.rawValue)
        key = try c.optionalString(CodingKeys.key.rawValue)
        argv = try c.optionalStrings(CodingKeys.argv.rawValue)
        before = try c.optionalObject(CodingKeys.before.rawValue).map { b throws(JSONShapeError) in
            typealias K = Before.CodingKeys
            return Before(
                exists: try b.optionalBool(K.exists.rawValue), mode: try b.optionalString(K.mode.rawValue),
                owner: try b.optionalString(K.owner.rawValue), contentBase64: try b.optionalString(K.contentBase64.rawValue),
                backupSHA256: try b.optionalString(K.backupSHA256.rawValue), size: try b.optionalInt(K.size.rawValue),
                set: try b.optionalBool(K.set.rawValue), value: try b.optionalString(K.value.rawValue))
        }
        afterSHA256 = try c.optionalString(CodingKeys.afterSHA256.rawValue)
        after = try c.optionalString(CodingKeys.after.rawValue)
        createdDirectories = try c.optionalStrings(CodingKeys.createdDirectories.rawValue)
        undo = try c.optionalObject(CodingKeys.undo.rawValue).map { u throws(JSONShapeError) in
            typealias K = Undo.CodingKeys
            return Undo(
                argv: try u.optionalStrings(K.argv.rawValue), alreadyUndone: try u.optionalString(K.alreadyUndone.rawValue),
                rerun: try u.optionalBool(K.rerun.rawValue), nothing: try u.optionalBool(K.nothing.rawValue),
                irreversible: try u.optionalString(K.irreversible.rawValue))
        }
    }
}
