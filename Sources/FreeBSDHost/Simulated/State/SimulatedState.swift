import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything that can change on the simulated host. It is a value: a command computes the
/// next state and the host keeps (and, with a state directory, persists) it only when the
/// command succeeded in modelling it.
struct SimulatedState: Encodable, Equatable, Sendable {
    static let currentFormatVersion = 1

    var formatVersion = SimulatedState.currentFormatVersion
    /// sha256 of the profile file the state grew from.
    var profileDigest: String
    var hostname: String
    var freebsdVersion: String
    /// How this host's rcorder orders scripts on the same level (the profile's `rcorder_ties`).
    var rcorderTies: RCOrder.TieOrder = .ascending
    var interfaces: [SimulatedInterface]
    var nextInterfaceIndex: Int
    var defaultRoute: ProfileRoute?
    /// The route the host's DHCP lease or static configuration gives it at every boot.
    var initialRoute: ProfileRoute?
    var files: [String: ProfileFile]
    var packages: [String: String]
    /// Running daemons (rc script name → pid), tailscaled excepted.
    var services: [String: Int]
    var nextPID: Int
    var kernelModules: [String]
    var pf: PFRuntime
    var ipForwarding: Int
    var tailscale: TailscaleRuntime
    /// How many times each fault (by index in the profile) has fired.
    var faultsFired: [String: Int]
    var boots: Int
    /// The link addresses the profile gives its cloned interfaces, by the name each was
    /// created with: FreeBSD derives a cloned interface's address from the host and that
    /// name (`ether_gen_addr`), so the same interface created again at boot gets it again.
    var clonedEthers: [String: String] = [:]
}

extension SimulatedState {
    /// The state a profile describes, before any command ran.
    init(profile: HostProfile, digest: String) {
        profileDigest = digest
        hostname = profile.hostname
        freebsdVersion = profile.freebsdVersion
        rcorderTies = profile.rcorderTies
        interfaces = []
        nextInterfaceIndex = 1
        defaultRoute = profile.defaultRoute
        initialRoute = profile.defaultRoute
        files = profile.files
        packages = profile.packages
        services = [:]
        nextPID = Self.firstPID
        kernelModules = []
        pf = PFRuntime()
        ipForwarding = 0
        let loggedIn = ["Running", "Starting", "Stopped"].contains(profile.tailscale.backendState)
        tailscale = TailscaleRuntime(
            daemonPID: nil, backendState: profile.tailscale.backendState, addresses: profile.tailscale.addresses,
            login: profile.tailscale.login, settings: loggedIn ? [:] : nil, routeApproval: profile.tailscale.routeApproval)
        faultsFired = [:]
        boots = 0
        clonedEthers = [:]

        var declared = profile.interfaces
        if !declared.contains(where: { $0.name == "lo0" }) {
            declared.append(ProfileInterface(name: "lo0", kind: .loopback, inet: ["127.0.0.1/8"], inet6: ["::1/128", "fe80::1%lo0/64"]))
        }
        for item in declared {
            let index = nextInterfaceIndex
            nextInterfaceIndex += 1
            interfaces.append(SimulatedInterface(
                name: item.name, originalName: item.name, kind: item.kind, index: index, inet: item.inet,
                inet6: item.inet6, ether: item.ether ?? (item.kind == .loopback || item.kind == .tun ? nil : Self.ether(for: index)),
                up: item.up, members: item.members, description: item.description,
                bootInet: item.kind == .physical ? item.inet : []))
            if let ether = item.ether, interfaces[interfaces.count - 1].isCloned { clonedEthers[item.name] = ether }
        }
        if profile.tailscale.installed {
            installTailscale(version: packages["tailscale"] ?? TailscalePackage.version)
        }
        for name in profile.servicesRunning where name != "tailscaled" {
            services[name] = allocatePID()
        }
        if profile.tailscale.daemonRunning {
            startTailscaled(keepBackendState: true)
        }
    }

    /// The pid before the first one a booted host gives out.
    static let firstPID = 700

    /// A locally administered MAC address that is stable for an interface index.
    static func ether(for index: Int) -> String {
        "58:9c:fc:00:" + String(hexadecimal: (index >> 8) & 0xff, digits: 2) + ":" + String(hexadecimal: index & 0xff, digits: 2)
    }

    mutating func allocatePID() -> Int {
        nextPID += 1
        return nextPID
    }

    func interface(named name: String) -> SimulatedInterface? {
        interfaces.first { $0.name == name }
    }

    func interfaceIndex(named name: String) -> Int? {
        interfaces.firstIndex { $0.name == name }
    }

    /// A cloned interface's address as FreeBSD generates it (`ether_gen_addr`): from the host
    /// and the name it was created with, under the FreeBSD Foundation's prefix 58:9c:fc, so
    /// the same interface destroyed and created again gets the same address.
    func generatedEther(for name: String) -> String {
        if let given = clonedEthers[name] { return given }
        let digest = SHA256.digest(Data("\(hostname)/\(name)".utf8))
        return "58:9c:fc:" + digest.prefix(3).map { String(hexadecimal: Int($0), digits: 2) }.joined(separator: ":")
    }

    /// Adds an interface with the next kernel index.
    mutating func addInterface(name: String, kind: InterfaceKind) {
        let index = nextInterfaceIndex
        nextInterfaceIndex += 1
        interfaces.append(SimulatedInterface(
            name: name, originalName: name, kind: kind, index: index, inet: [], inet6: [],
            ether: kind == .loopback || kind == .tun ? nil : generatedEther(for: name), up: false, members: [],
            description: nil, bootInet: []))
    }

    /// Whether unit `unit` of `driver` is taken: by an interface of that name, or by an
    /// interface created as that unit and since renamed (if_clone keeps the unit until the
    /// interface is destroyed).
    func unitTaken(driver: String, unit: Int) -> Bool {
        interfaces.contains { item in
            (item.isCloned || item.originalName == "lo0") && ClonerUnit(item.originalName) == ClonerUnit(driver: driver, unit: unit)
        } || interface(named: "\(driver)\(unit)") != nil
    }

    /// The lowest free unit of a cloner, as `ifconfig bridge create` allocates it.
    func lowestFreeUnit(_ driver: String) -> Int {
        var unit = 0
        while unitTaken(driver: driver, unit: unit) { unit += 1 }
        return unit
    }
}
