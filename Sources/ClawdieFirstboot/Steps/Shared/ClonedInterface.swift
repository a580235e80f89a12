import FirstbootEngine
import FreeBSDHost

/// A cloned interface the platform creates, names and addresses — the agent bridges and the
/// jail loopback — now and at every boot, the way FreeBSD's network.subr rebuilds them: a
/// `bridgeN` or `loN` in `cloned_interfaces`, renamed by `ifconfig_<unit>_name`, addressed
/// and brought up by `ifconfig_<name>` (`"up"` alone for one without an address).
///
/// The rc.conf keys come first, the rename before the rest: if a run dies after any of them,
/// or after `ifconfig <unit> create`, the next run finds the unit it chose in rc.conf and
/// carries on with that interface instead of making another.
struct ClonedInterface {
    /// The cloner: `bridge` or `lo`.
    var cloner: String
    /// The group `ifconfig` shows for an interface of this kind.
    var group: String
    var name: String
    var address: IPv4Network?
    /// The configuration key that names it, for messages.
    var setting: String

    /// The `cloned_interfaces` list of rc.conf, as the first interface of a step starts from.
    static func clonedInterfaces(_ observer: HostObserver) throws -> [String] {
        (try observer.rcValue("cloned_interfaces") ?? "").split(separator: " ").map(String.init)
    }

    /// The changes that create and persist the interface. `cloned` is `cloned_interfaces` as
    /// the step's earlier changes leave it (a step may create several interfaces); the unit
    /// chosen here is added to it.
    func changes(_ observer: HostObserver, cloned: inout [String]) throws -> [Change] {
        let unit = try persistedUnit(cloned: cloned, observer: observer) ?? freeUnit(cloned: cloned, observer: observer)
        var changes: [Change] = []

        let nameKey = "ifconfig_\(Self.rcName(unit))_name"
        if try observer.rcValue(nameKey) != name {
            changes.append(.setKey(file: FreeBSDPaths.rcConf, key: nameKey, value: name))
        }
        if !cloned.contains(unit) {
            cloned.append(unit)
            changes.append(.setKey(file: FreeBSDPaths.rcConf, key: "cloned_interfaces", value: cloned.joined(separator: " ")))
        }
        // A cloned interface is created down: at boot rc.d/netif brings it up by its
        // ifconfig_<name>, with its address or, without one, by "up" alone.
        let configKey = "ifconfig_\(Self.rcName(name))"
        let wantedConfig = address.map { "inet \($0) up" } ?? "up"
        let persistedConfig = try observer.rcValue(configKey)
        if persistedConfig != wantedConfig {
            changes.append(.setKey(file: FreeBSDPaths.rcConf, key: configKey, value: wantedConfig))
        }

        let ifconfig = FreeBSDPaths.ifconfig
        let addAddress = address.map { address in
            Change.run(argv: [ifconfig, name, "inet", address.description, "up"],
                       undo: .commandUnlessUndone([ifconfig, name, "inet", address.address.description, "-alias"],
                                                  alreadyUndone: "Can't assign requested address"))
        }
        let bringUp = Change.run(argv: [ifconfig, name, "up"], undo: .command([ifconfig, name, "down"]))
        if let existing = try observer.interface(name) {
            guard existing.groups.contains(group) else {
                throw StepRefusal("\(name) exists and is not a \(group) interface (groups: \(existing.groups.joined(separator: " "))); rename that interface or set \(setting)")
            }
            // The address rc.conf gave it before, when the configuration no longer gives it:
            // removed now, or the interface would keep it until the next boot drops it.
            let stale = Self.persistedAddress(persistedConfig).flatMap { old in
                old != address && existing.inet.contains(where: { $0.network == old }) ? old : nil
            }
            if let stale {
                changes.append(.run(argv: [ifconfig, name, "inet", stale.address.description, "-alias"],
                                    undo: .commandUnlessUndone([ifconfig, name, "inet", stale.description, "alias"], alreadyUndone: "File exists")))
            }
            if let address, let addAddress, !existing.inet.contains(where: { $0.network == address }) {
                // Without `alias` ifconfig replaces the first address, which may be another's
                // (a jail's alias on the loopback); with none left it is the plain form.
                let othersRemain = existing.inet.contains { $0.network != stale }
                changes.append(othersRemain
                    ? .run(argv: [ifconfig, name, "inet", address.description, "alias", "up"],
                           undo: .commandUnlessUndone([ifconfig, name, "inet", address.address.description, "-alias"],
                                                      alreadyUndone: "Can't assign requested address"))
                    : addAddress)
            } else if !existing.isUp {
                changes.append(bringUp)
            }
        } else {
            if try observer.interface(unit) == nil {
                changes.append(.run(argv: [ifconfig, unit, "create"],
                                    undo: .commandUnlessUndone([ifconfig, unit, "destroy"], alreadyUndone: "does not exist")))
            }
            changes.append(.run(argv: [ifconfig, unit, "name", name],
                                undo: .commandUnlessUndone([ifconfig, name, "name", unit], alreadyUndone: "does not exist")))
            changes.append(addAddress ?? bringUp)
        }
        return changes
    }

    /// Throws unless the interface exists now with its address, and is up.
    func verify(_ observer: HostObserver) throws {
        guard let existing = try observer.interface(name) else {
            throw StepRefusal("\(name) does not exist after it was created")
        }
        if let address, !existing.inet.contains(where: { $0.network == address }) {
            throw StepRefusal("\(name) does not have \(address) after it was configured")
        }
        guard existing.isUp else {
            throw StepRefusal("\(name) is down after it was configured")
        }
    }

    /// The address an `ifconfig_<name>` value of the form `inet A/len …` gives; nil for any
    /// other form, which the operator wrote and this step leaves to them.
    static func persistedAddress(_ value: String?) -> IPv4Network? {
        let words = (value ?? "").split(separator: " ")
        guard words.count >= 2, words[0] == "inet", words[1].contains("/") else { return nil }
        return IPv4Network(words[1])
    }

    /// The unit rc.conf already renames to this name, if any — whether or not it is in
    /// `cloned_interfaces` yet: a run that stopped between the two keys left only the rename.
    private func persistedUnit(cloned: [String], observer: HostObserver) throws -> String? {
        let units = try observer.rcAssignments().compactMap { assignment -> String? in
            guard assignment.value == name, assignment.key.hasPrefix("ifconfig_\(cloner)"),
                  assignment.key.hasSuffix("_name") else { return nil }
            let unit = String(assignment.key.dropFirst("ifconfig_".count).dropLast("_name".count))
            let number = unit.dropFirst(cloner.count)
            return !number.isEmpty && number.allSatisfy(\.isNumber) ? unit : nil
        }
        return units.first { cloned.contains($0) } ?? units.first
    }

    /// The lowest unit that exists neither now nor in rc.conf: `bridge0` may belong to
    /// something else, such as a bhyve switch, and `lo0` always exists.
    private func freeUnit(cloned: [String], observer: HostObserver) throws -> String {
        let present = Set(try observer.interfaceNames())
        for number in 0... {
            let unit = "\(cloner)\(number)"
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
