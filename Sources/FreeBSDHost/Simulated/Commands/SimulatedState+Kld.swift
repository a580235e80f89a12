/// kldstat(8) `-m`, kldload(8) and kldunload(8) for the kernel modules the tool touches.
extension SimulatedState {
    /// Modules this model knows how to load (others are `No such file or directory`).
    static let loadableModules: Set<String> = ["pf", "pflog", "pfsync", "if_bridge", "if_epair", "if_tuntap", "carp"]

    func kldstat(_ args: [String]) throws(Unmodelled) -> CommandOutput {
        if args.count == 3, args[0] == "-q", args[1] == "-m" {
            return CommandOutput(status: kernelModules.contains(args[2]) ? 0 : 1)
        }
        if args.count == 2, args[0] == "-m" {
            let module = args[1]
            guard let position = kernelModules.firstIndex(of: module) else {
                return .failure("kldstat: can't find module \(module): No such file or directory")
            }
            var output = CommandOutput()
            output.out("Id  Refs Name")
            output.out(leftPadded(position + 2, 3) + " " + leftPadded(1, 4) + " " + module)
            return output
        }
        throw Unmodelled()
    }

    mutating func kldload(_ args: [String]) throws(Unmodelled) -> CommandOutput {
        var quietIfLoaded = false
        var rest = args[...]
        if rest.first == "-n" { quietIfLoaded = true; rest = rest.dropFirst() }
        guard rest.count == 1, var module = rest.first else { throw Unmodelled() }
        if module.hasSuffix(".ko") { module.removeLast(3) }
        if kernelModules.contains(module) {
            return quietIfLoaded ? CommandOutput() : .failure("kldload: can't load \(module): module already loaded or in kernel")
        }
        guard Self.loadableModules.contains(module) else {
            return .failure("kldload: can't load \(module): No such file or directory")
        }
        kernelModules.append(module)
        return CommandOutput()
    }

    /// Unloading pf takes its whole runtime with it: rules, tables and the enabled flag.
    mutating func kldunload(_ args: [String]) throws(Unmodelled) -> CommandOutput {
        guard args.count == 1, var module = args.first, !module.hasPrefix("-") else { throw Unmodelled() }
        if module.hasSuffix(".ko") { module.removeLast(3) }
        guard let position = kernelModules.firstIndex(of: module) else {
            return .failure("kldunload: can't find file \(module)")
        }
        kernelModules.remove(at: position)
        if module == "pf" { pf = PFRuntime() }
        return CommandOutput()
    }
}

/// `%Nd`: the number right-aligned in `width` columns.
func leftPadded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: " ", count: max(0, width - digits.count)) + digits
}
