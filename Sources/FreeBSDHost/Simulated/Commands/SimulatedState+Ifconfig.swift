#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// ifconfig(8): listing, showing, cloning, renaming, addressing, bridge members.
extension SimulatedState {
    mutating func ifconfig(_ rawArgs: [String]) throws(Unmodelled) -> CommandOutput {
        var args = rawArgs
        // `-n` only stops ifconfig from loading driver modules; nothing to do here.
        if args.first == "-n" { args.removeFirst() }
        switch args.first {
        case nil, "-a":
            guard args.count <= 1 else { throw Unmodelled() }
            return CommandOutput(stdout: interfaces.map { IfconfigFormatter(state: self).show($0) }.joined())
        case "-l":
            guard args.count == 1 else { throw Unmodelled() }
            return CommandOutput(stdout: interfaces.map(\.name).joined(separator: " ") + "\n")
        case let name? where name.hasPrefix("-"):
            throw Unmodelled()
        case let name?:
            return try configure(name, Array(args.dropFirst()))
        }
    }

    private mutating func configure(_ requested: String, _ args: [String]) throws(Unmodelled) -> CommandOutput {
        var next = self
        let output = try CommandOutput.catching { () throws(CommandStop) -> CommandOutput in
            try next.configureSteps(requested, args)
        }
        if output.status == 0 { self = next }
        return output
    }

    private mutating func configureSteps(_ requested: String, _ args: [String]) throws(CommandStop) -> CommandOutput {
        var name = requested
        var printName = false
        var rest = args[...]
        if rest.first == "create" {
            rest = rest.dropFirst()
            name = try clone(requested)
            printName = name != requested
        } else if interface(named: name) == nil {
            throw .failure("ifconfig: interface \(name) does not exist")
        }
        if args.isEmpty { return CommandOutput(stdout: IfconfigFormatter(state: self).show(interface(named: name)!)) }
        while let word = rest.first {
            rest = rest.dropFirst()
            guard let index = interfaceIndex(named: name) else { throw .unmodelled }
            switch word {
            case "up": interfaces[index].up = true
            case "down": interfaces[index].up = false
            case "destroy":
                guard interfaces[index].isCloned else { throw .failure("ifconfig: SIOCIFDESTROY: Invalid argument") }
                destroyInterface(at: index)
                guard rest.isEmpty else { throw .unmodelled }
            case "name":
                guard let newName = rest.first else { throw .unmodelled }
                rest = rest.dropFirst()
                guard InterfaceName.isValid(newName) else { throw .failure("ifconfig: ioctl SIOCSIFNAME (set name): Invalid argument") }
                if newName != name {
                    guard interface(named: newName) == nil else {
                        throw .failure("ifconfig: ioctl SIOCSIFNAME (set name): File exists")
                    }
                    renameInterface(from: name, to: newName)
                }
                name = newName
                printName = true
            case "inet":
                try setInet(at: index, &rest)
            case "addm", "deletem":
                guard let member = rest.first, interfaces[index].kind == .bridge else { throw .unmodelled }
                rest = rest.dropFirst()
                try changeMember(bridge: index, member: member, add: word == "addm")
            case "description", "descr":
                guard let text = rest.first else { throw .unmodelled }
                rest = rest.dropFirst()
                interfaces[index].description = text.isEmpty ? nil : text
            case "-description", "-descr":
                interfaces[index].description = nil
            default:
                throw .unmodelled
            }
        }
        return CommandOutput(stdout: printName ? name + "\n" : "")
    }

    /// Creates a cloned interface: `bridge` takes the lowest free unit, `bridge3` exactly that
    /// unit; `epair` makes the a and b ends and answers with the a end.
    private mutating func clone(_ requested: String) throws(CommandStop) -> String {
        if let kind = InterfaceKind.forCloner(requested) {
            return createCloned(driver: requested, unit: lowestFreeUnit(requested), kind: kind)
        }
        guard let parsed = ClonerUnit(requested), let kind = InterfaceKind.forCloner(parsed.driver),
              requested == "\(parsed.driver)\(parsed.unit)" else {
            throw .failure("ifconfig: SIOCIFCREATE2: Invalid argument")
        }
        if unitTaken(driver: parsed.driver, unit: parsed.unit) { throw .failure("ifconfig: SIOCIFCREATE2: File exists") }
        let created = createCloned(driver: parsed.driver, unit: parsed.unit, kind: kind)
        return kind == .epair ? created : requested
    }

    private mutating func createCloned(driver: String, unit: Int, kind: InterfaceKind) -> String {
        if kind == .epair {
            addInterface(name: "epair\(unit)a", kind: .epair)
            addInterface(name: "epair\(unit)b", kind: .epair)
            return "epair\(unit)a"
        }
        addInterface(name: "\(driver)\(unit)", kind: kind)
        if kind == .loopback, let index = interfaceIndex(named: "\(driver)\(unit)") {
            interfaces[index].inet6 = []
        }
        return "\(driver)\(unit)"
    }

    mutating func renameInterface(from old: String, to new: String) {
        guard let index = interfaceIndex(named: old) else { return }
        interfaces[index].name = new
        for bridge in interfaces.indices {
            interfaces[bridge].members = interfaces[bridge].members.map { $0 == old ? new : $0 }
        }
        if defaultRoute?.interface == old { defaultRoute?.interface = new }
    }

    mutating func destroyInterface(at index: Int) {
        let removed = interfaces.remove(at: index)
        for bridge in interfaces.indices { interfaces[bridge].members.removeAll { $0 == removed.name } }
        if removed.kind == .epair, let unit = ClonerUnit(removed.originalName) {
            interfaces.removeAll { $0.kind == .epair && ClonerUnit($0.originalName) == unit }
        }
        if defaultRoute?.interface == removed.name { defaultRoute = nil }
    }

    /// `inet A/len`, `inet A netmask M`, with `alias`, `-alias`/`delete`, `broadcast B`.
    private mutating func setInet(at index: Int, _ rest: inout ArraySlice<String>) throws(CommandStop) {
        guard let addressWord = rest.first else { throw .unmodelled }
        rest = rest.dropFirst()
        var network: IPv4Network?
        if addressWord.contains("/") {
            network = IPv4Network(addressWord)
        } else if let address = IPv4Address(addressWord) {
            network = IPv4Network(address: address, prefixLength: Self.classfulLength(address))
        }
        guard var network else { throw .failure("ifconfig: \(addressWord): bad value") }
        var alias = false
        var remove = false
        loop: while let word = rest.first {
            switch word {
            case "netmask":
                rest = rest.dropFirst()
                guard let maskWord = rest.first, let mask = Self.parseNetmask(maskWord),
                      let withMask = IPv4Network(address: network.address, netmask: mask) else {
                    throw .failure("ifconfig: \(rest.first ?? "netmask"): bad value")
                }
                network = withMask
            case "broadcast":
                rest = rest.dropFirst()
            case "alias", "add": alias = true
            case "-alias", "delete", "remove": remove = true
            default: break loop
            }
            rest = rest.dropFirst()
        }
        try applyInet(at: index, network, alias: alias, remove: remove)
    }

    private mutating func applyInet(at index: Int, _ network: IPv4Network, alias: Bool, remove: Bool) throws(CommandStop) {
        let hosts = interfaces[index].networks.map(\.address)
        if remove {
            guard let position = hosts.firstIndex(of: network.address) else {
                throw .failure("ifconfig: ioctl (SIOCDIFADDR): Can't assign requested address")
            }
            interfaces[index].inet.remove(at: position)
            return
        }
        if alias {
            if hosts.contains(network.address) { throw .failure("ifconfig: ioctl (SIOCAIFADDR): File exists") }
            interfaces[index].inet.append(network.description)
        } else {
            // Without `alias` ifconfig replaces the interface's first address.
            interfaces[index].inet.removeAll { IPv4Network($0)?.address == network.address }
            if interfaces[index].inet.isEmpty {
                interfaces[index].inet = [network.description]
            } else {
                interfaces[index].inet[0] = network.description
            }
        }
        // Assigning an address brings an interface up (the driver's SIOCSIFADDR handler).
        interfaces[index].up = true
    }

    private mutating func changeMember(bridge: Int, member: String, add: Bool) throws(CommandStop) {
        if add {
            guard interface(named: member) != nil, member != interfaces[bridge].name else {
                throw .failure("ifconfig: BRDGADD \(member): No such file or directory")
            }
            if interfaces.contains(where: { $0.members.contains(member) }) {
                throw .failure("ifconfig: BRDGADD \(member): File exists")
            }
            interfaces[bridge].members.append(member)
        } else {
            guard interfaces[bridge].members.contains(member) else {
                throw .failure("ifconfig: BRDGDEL \(member): Invalid argument")
            }
            interfaces[bridge].members.removeAll { $0 == member }
        }
    }

    static func classfulLength(_ address: IPv4Address) -> Int {
        switch address.value >> 24 {
        case 0..<128: 8
        case 128..<192: 16
        default: 24
        }
    }

    /// `255.255.255.0`, `0xffffff00` or `/24`-less hex forms ifconfig accepts for netmask.
    static func parseNetmask(_ text: String) -> UInt32? {
        if text.hasPrefix("0x") { return UInt32(text.dropFirst(2), radix: 16) }
        return IPv4Address(text)?.value
    }
}
