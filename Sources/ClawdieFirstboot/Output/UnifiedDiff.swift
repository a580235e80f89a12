/// Line-based unified diffs (`diff -u` form) for the plan's file changes.
enum UnifiedDiff {
    /// The diff of `old` to `new` (nil for an absent file), with `context` lines around each
    /// change; empty when they are equal. Texts are taken line by line: a missing final
    /// newline is not shown (every file the tool writes ends with one).
    static func make(old: String?, new: String?, path: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        if a == b && (old == nil) == (new == nil) { return "" }
        let script = editScript(a, b)
        var out = "--- \(old == nil ? "/dev/null" : "a" + path)\n+++ \(new == nil ? "/dev/null" : "b" + path)\n"
        // Group edits into hunks that keep `context` equal lines around each change.
        var index = 0
        while index < script.count {
            guard let firstChange = script[index...].firstIndex(where: { $0.kind != .equal }) else { break }
            let start = max(firstChange - context, index)
            var end = firstChange
            var scan = firstChange
            while scan < script.count {
                if script[scan].kind != .equal {
                    end = scan
                    scan += 1
                    continue
                }
                let nextChange = script[scan...].firstIndex(where: { $0.kind != .equal })
                guard let nextChange, nextChange - end - 1 <= context * 2 else { break }
                scan = nextChange
            }
            let stop = min(end + context + 1, script.count)
            let hunk = script[start..<stop]
            let oldStart = hunk.first!.oldLine
            let newStart = hunk.first!.newLine
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .equal: out += " " + edit.text + "\n"
                case .delete: out += "-" + edit.text + "\n"
                case .insert: out += "+" + edit.text + "\n"
                }
            }
            index = stop
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        // diff -u numbers an empty range by the line before it.
        count == 0 ? "\(start - 1),0" : count == 1 ? "\(start)" : "\(start),\(count)"
    }

    private static func lines(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        // Split on newline bytes: much cheaper than walking grapheme clusters.
        var parts = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String($0)! }
        if text.hasSuffix("\n") { parts.removeLast() }
        return parts
    }

    struct Edit {
        enum Kind { case equal, delete, insert }
        var kind: Kind
        var text: String
        /// 1-based line numbers in the old and new text where this edit stands.
        var oldLine: Int
        var newLine: Int
    }

    /// A shortest edit script from the longest common subsequence (the files the tool
    /// writes are a few hundred lines at most, so the quadratic table is fine).
    static func editScript(_ a: [String], _ b: [String]) -> [Edit] {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: .equal, text: a[i], oldLine: i + 1, newLine: j + 1))
                i += 1; j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                // Deletions before insertions, as diff -u shows a replaced line.
                edits.append(Edit(kind: .delete, text: a[i], oldLine: i + 1, newLine: j + 1))
                i += 1
            } else {
                edits.append(Edit(kind: .insert, text: b[j], oldLine: i + 1, newLine: j + 1))
                j += 1
            }
        }
        return edits
    }
}
