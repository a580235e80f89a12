import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// sysrc(8): read, set, append to, remove from, delete and check rc.conf variables, with the
/// output formats of usr.sbin/sysrc (`name: old -> new`, `sysrc: unknown variable 'x'`).
extension SimulatedState {
    mutating func sysrc(_ args: [String]) throws(Unmodelled) -> CommandOutput {
        var file = "/etc/rc.conf"
        var readFiles = Self.rcConfFiles
        var showName = true
        var delete = false
        var check = false
        var ignoreUnknown = false
        var rest = args[...]
        while let word = rest.first, word.hasPrefix("-"), word.count > 1 {
            rest = rest.dropFirst()
            if word == "--" { break }
            var letters = word.dropFirst()
            while let letter = letters.popFirst() {
                switch letter {
                case "f":
                    let value = letters.isEmpty ? rest.popFirst() : String(letters)
                    guard let value else { throw Unmodelled() }
                    letters = ""
                    file = value
                    readFiles = [value]
                case "n": showName = false
                case "x": delete = true
                case "c": check = true
                case "i": ignoreUnknown = true
                default: throw Unmodelled()
                }
            }
        }
        guard !rest.isEmpty else { throw Unmodelled() }
        var output = CommandOutput()
        var next = self
        for word in rest {
            let item = Self.sysrcItem(word)
            guard RCConfDocument.isValidName(item.name) else {
                output.err("sysrc: \(item.name): name contains characters not allowed in shell")
                output.status = 1
                continue
            }
            let current = next.rcValue(item.name, files: readFiles)
            let inFile = next.text(at: file).flatMap { try? RCConfDocument(text: $0, path: file) }?.value(of: item.name) != nil
            if delete {
                guard inFile else {
                    if !ignoreUnknown { output.err("sysrc: unknown variable '\(item.name)'") }
                    output.status = ignoreUnknown ? output.status : 1
                    continue
                }
                guard (try? next.editKey(item.name, value: nil, file: file)) != nil else { throw Unmodelled() }
                continue
            }
            if check {
                guard item.value != nil else {
                    if current == nil { output.status = 1 }
                    continue
                }
                if current != Self.combined(current ?? "", item) || current == nil { output.status = 1 }
                continue
            }
            guard item.value != nil else {
                guard let current else {
                    if !ignoreUnknown {
                        output.err("sysrc: unknown variable '\(item.name)'")
                        output.status = 1
                    }
                    continue
                }
                output.out(showName ? "\(item.name): \(current)" : current)
                continue
            }
            let newValue = Self.combined(current ?? "", item)
            guard (try? next.editKey(item.name, value: newValue, file: file)) != nil else { throw Unmodelled() }
            output.out(showName ? "\(item.name): \(current ?? "") -> \(newValue)" : newValue)
        }
        self = next
        return output
    }

    /// Sets or removes a key in an rc.conf-syntax file, creating it (0644 root) if missing.
    mutating func editKey(_ key: String, value: String?, file: String) throws {
        let existing = files[file]
        var document = try RCConfDocument(bytes: existing?.contents ?? Data(), path: file)
        if let value { document.set(key, to: value) } else { document.unset(key) }
        try writeFile(file, ProfileFile(contents: Data(document.bytes), mode: existing?.mode ?? 0o644, owner: existing?.owner ?? .root))
    }

    struct SysrcItem {
        enum Operation { case set, append, remove }
        var name: String
        var operation: Operation
        var value: String?
    }

    static func sysrcItem(_ word: String) -> SysrcItem {
        guard let equals = word.firstIndex(of: "=") else { return SysrcItem(name: word, operation: .set, value: nil) }
        var name = String(word[..<equals])
        let value = String(word[word.index(after: equals)...])
        var operation = SysrcItem.Operation.set
        if name.hasSuffix("+") { operation = .append; name.removeLast() }
        else if name.hasSuffix("-") { operation = .remove; name.removeLast() }
        return SysrcItem(name: name, operation: operation, value: value)
    }

    /// `+=` adds each word not already present; `-=` drops the given words.
    static func combined(_ current: String, _ item: SysrcItem) -> String {
        guard let value = item.value else { return current }
        let words = current.split(separator: " ").map(String.init)
        let given = value.split(separator: " ").map(String.init)
        switch item.operation {
        case .set: return value
        case .append: return (words + given.filter { !words.contains($0) }).joined(separator: " ")
        case .remove: return words.filter { !given.contains($0) }.joined(separator: " ")
        }
    }
}
