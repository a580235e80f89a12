import FirstbootEngine
import FreeBSDHost

/// `create-bridge`: the agent bridge (`warden0`, 192.168.100.1/24 by default), created now and
/// persisted in rc.conf the way FreeBSD's network.subr rebuilds it at boot: a cloned `bridgeN`
/// in `cloned_interfaces`, renamed by `ifconfig_bridgeN_name`, addressed by `ifconfig_warden0`.
///
/// The rc.conf keys come first, the rename before the rest: if the run dies after any of them,
/// or after `ifconfig bridgeN create`, the next run finds the unit it chose in rc.conf and
/// carries on with that bridge instead of making another.
struct CreateBridge: Step {
    let id = "create-bridge"
    let phase = Phase.firstboot
    var requires: [String] { ["detect-ext-if"] }
    var settings: Settings

    func changes(in context: StepContext) throws -> [Change] {
        let observer = HostObserver(host: context.host)
        let name = settings.bridgeName
        let address = settings.bridgeAddress
        let cloned = (try observer.rcValue("cloned_interfaces") ?? "").split(separator: " ").map(String.init)
        let unit = try persistedUnit(cloned: cloned, observer: observer) ?? freeUnit(cloned: cloned, observer: observer)
        var changes: [Change] = []

        // The rename first: it is what a resumed run finds its unit by (see persistedUnit).
        let nameKey = "ifconfig_\(Self.rcName(unit))_name"
        if try observer.rcValue(nameKey) != name {
            changes.append(.setKey(file: FreeBSDPaths.rcConf, key: nameKey, value: name))
        }
        if !cloned.contains(unit) {
            changes.append(.setKey(file: FreeBSDPaths.rcConf, key: "cloned_interfaces", value: (cloned + [unit]).joined(separator: " ")))
        }
        let addressKey = "ifconfig_\(Self.rcName(name))"
        let wanted = "inet \(address) up"
        if try observer.rcValue(addressKey) != wanted {
            changes.append(.setKey(file: FreeBSDPaths.rcConf, key: addressKey, value: wanted))
        }

        let ifconfig = FreeBSDPaths.ifconfig
        let addAddress = Change.run(argv: [ifconfig, name, "inet", address.description, "up"],
                                    undo: .commandUnlessUndone([ifconfig, name, "inet", address.address.description, "-alias"],
                                                                       alreadyUndone: "Can't assign requested address"))
        if let bridge = try observer.interface(name) {
            guard bridge.groups.contains("bridge") else {
                throw StepRefusal("\(name) exists and is not a bridge (groups: \(bridge.groups.joined(separator: " "))); rename that interface or set bridge_name")
            }
            if !bridge.inet.contains(where: { $0.network == address }) {
                changes.append(addAddress)
            } else if !bridge.isUp {
                changes.append(.run(argv: [ifconfig, name, "up"], undo: .command([ifconfig, name, "down"])))
            }
        } else {
            if try observer.interface(unit) == nil {
                changes.append(.run(argv: [ifconfig, unit, "create"], undo: .commandUnlessUndone([ifconfig, unit, "destroy"], alreadyUndone: "does not exist")))
            }
            changes.append(.run(argv: [ifconfig, unit, "name", name], undo: .commandUnlessUndone([ifconfig, name, "name", unit], alreadyUndone: "does not exist")))
            changes.append(addAddress)
        }
        return changes
    }

    func verify(in context: StepContext) throws {
        let observer = HostObserver(host: context.host)
        guard let bridge = try observer.interface(settings.bridgeName),
              bridge.inet.contains(where: { $0.network == settings.bridgeAddress }) else {
            throw StepRefusal("\(settings.bridgeName) does not have \(settings.bridgeAddress) after it was configured")
        }
    }

    func summary(in context: StepContext) throws -> String? {
        "agent bridge \(settings.bridgeName) at \(settings.bridgeAddress)"
    }

    /// The `bridgeN` rc.conf already renames to the bridge's name, if any — whether or not it
    /// is in `cloned_interfaces` yet: a run that stopped between the two keys left only the rename.
    private func persistedUnit(cloned: [String], observer: HostObserver) throws -> String? {
        let units = try observer.rcAssignments().compactMap { assignment -> String? in
            guard assignment.value == settings.bridgeName, assignment.key.hasPrefix("ifconfig_bridge"),
                  assignment.key.hasSuffix("_name") else { return nil }
            let unit = String(assignment.key.dropFirst("ifconfig_".count).dropLast("_name".count))
            return unit.dropFirst("bridge".count).allSatisfy(\.isNumber) ? unit : nil
        }
        return units.first { cloned.contains($0) } ?? units.first
    }

    /// The lowest `bridgeN` that exists neither now nor in rc.conf: `bridge0` may belong to
    /// something else, such as a bhyve switch.
    private func freeUnit(cloned: [String], observer: HostObserver) throws -> String {
        let present = Set(try observer.interfaceNames())
        for number in 0... {
            let unit = "bridge\(number)"
            if present.contains(unit) || cloned.contains(unit) { continue }
            if try observer.rcValue("ifconfig_\(Self.rcName(unit))_name") != nil { continue }
            return unit
        }
        preconditionFailure("unreachable")
    }

    /// rc.conf variable names map `.`, `-`, `/` and `+` in an interface name to `_`
    /// (network.subr's get_if_var).
    static func rcName(_ interface: String) -> String {
        String(interface.map { ".-/+".contains($0) ? "_" : $0 })
    }
}
