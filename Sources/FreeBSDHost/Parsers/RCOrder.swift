#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The order in which `/etc/rc` runs rc.d scripts, computed like `rcorder(8)`.
///
/// A script runs after every script that provides something it REQUIREs; `BEFORE: X` makes
/// it run before every provider of X. As in FreeBSD's rcorder, each script gets a level one
/// above the highest level of what it depends on and the output is sorted by level. rcorder
/// sorts with qsort, which is not stable: scripts on the same level come out in an order that
/// changes with the set of installed scripts. Here they are ordered by path, ascending or
/// descending (`TieOrder`), so that a boot can be checked under both orders of every tie. A
/// requirement nobody provides is a warning and ordering goes on without it, as rcorder does;
/// a cycle is an error.
package enum RCOrder {
    /// How scripts on the same level are ordered: by path, or by path reversed. Every pair of
    /// tied scripts comes out in one order under the first and in the other under the second.
    package enum TieOrder: String, Codable, Sendable, CaseIterable {
        case ascending, descending
    }

    /// The ordered paths and rcorder's warnings, in rcorder's wording.
    package struct Ordering: Hashable, Sendable {
        package var paths: [String]
        package var warnings: [String]
        /// Each script's sequence number (rcorder's level), skipped scripts included.
        package var levels: [String: Int] = [:]
    }

    /// A dependency cycle: rcorder cannot order these scripts.
    package struct CircularDependency: Error, CustomStringConvertible, Hashable, Sendable {
        /// The provision (or `BEFORE:` target) whose requirement closed the cycle.
        package var provision: String
        /// Script paths along the cycle, the first repeated at the end.
        package var cycle: [String]

        package var description: String {
            "rc.d scripts depend on each other in a circle through `\(provision)': "
                + cycle.joined(separator: " -> ")
                + "; remove one of these REQUIRE or BEFORE entries"
        }
    }

    /// Orders `scripts`. Scripts with a keyword in `skipping` (rcorder `-s`) are left out of
    /// the result but still constrain the others, as in rcorder.
    package static func order(
        scripts: [(path: String, header: RCScriptHeader)], skipping: Set<String> = [], ties: TieOrder = .ascending
    ) throws(CircularDependency) -> Ordering {
        var graph = Graph(scripts: scripts)
        for index in graph.scripts.indices where graph.level[index] == nil {
            try graph.visit(index)
        }
        let paths = graph.scripts.indices
            .filter { graph.scripts[$0].header.keywords.allSatisfy { !skipping.contains($0) } }
            .sorted { lhs, rhs in
                let (a, b) = (graph.level[lhs] ?? 0, graph.level[rhs] ?? 0)
                return a != b ? a < b : (ties == .ascending ? lhs < rhs : lhs > rhs)
            }
            .map { graph.scripts[$0].path }
        var levels: [String: Int] = [:]
        for (index, script) in graph.scripts.enumerated() { levels[script.path] = graph.level[index] ?? 0 }
        return Ordering(paths: paths, warnings: graph.warnings, levels: levels)
    }

    /// Scripts sorted by path, with who provides what and each script's dependencies.
    private struct Graph {
        /// What a script must run after: the providers of a name, or one script (from a
        /// `BEFORE:` line of that script naming something this one provides).
        enum Dependency {
            case provision(String)
            case script(Int, before: String)
        }

        let scripts: [(path: String, header: RCScriptHeader)]
        var providers: [String: [Int]] = [:]
        var dependencies: [[Dependency]]
        var level: [Int?]
        var warnings: [String] = []
        /// Scripts being visited, outermost first; a dependency on one of them is a cycle.
        var stack: [Int] = []

        init(scripts unsorted: [(path: String, header: RCScriptHeader)]) {
            scripts = unsorted.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            dependencies = scripts.map { script in script.header.require.map(Dependency.provision) }
            level = Array(repeating: nil, count: scripts.count)
            for (index, script) in scripts.enumerated() {
                for name in script.header.provide { providers[name, default: []].append(index) }
            }
            let required = Set(scripts.flatMap(\.header.require))
            for (index, script) in scripts.enumerated() {
                for target in script.header.before {
                    guard let targets = providers[target] else {
                        if !required.contains(target) {
                            warnings.append("file `\(script.path)' is before unknown provision `\(target)'")
                        }
                        continue
                    }
                    for provider in targets {
                        dependencies[provider].append(.script(index, before: target))
                    }
                }
            }
        }

        mutating func visit(_ index: Int) throws(CircularDependency) {
            stack.append(index)
            var highest = 0
            for dependency in dependencies[index] {
                let (name, targets): (String, [Int])
                switch dependency {
                case .provision(let provision):
                    guard let found = providers[provision] else {
                        warnings.append("requirement `\(provision)' in file `\(scripts[index].path)' has no providers.")
                        continue
                    }
                    (name, targets) = (provision, found)
                case .script(let script, let before):
                    (name, targets) = (before, [script])
                }
                for target in targets {
                    if let position = stack.firstIndex(of: target) {
                        let cycle = (stack[position...] + [target]).map { scripts[$0].path }
                        throw CircularDependency(provision: name, cycle: cycle)
                    }
                    if level[target] == nil { try visit(target) }
                    highest = max(highest, level[target] ?? 0)
                }
            }
            level[index] = highest + 1
            stack.removeLast()
        }
    }
}
