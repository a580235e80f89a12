import FirstbootEngine
import FreeBSDHost

/// The networks of the host's own interfaces, which no jail network may overlap.
enum HostNetworks {
    /// Throws, naming both networks, when one of `wanted` overlaps an address of an interface
    /// other than those in `except` (the interfaces being configured, which may exist already).
    static func requireFree(_ wanted: [(what: String, address: IPv4Network)], on observer: HostObserver, except: [String]) throws {
        guard !wanted.isEmpty else { return }
        let result = try observer.run([FreeBSDPaths.ifconfig])
        guard result.succeeded else { throw StepRefusal("`ifconfig` failed: \(result.firstErrorLine)") }
        let interfaces = try IfconfigOutput.parse(result.stdoutText)
        for (what, address) in wanted {
            for interface in interfaces where !except.contains(interface.name) {
                for inet in interface.inet where inet.network.overlaps(address.network) {
                    throw StepRefusal("\(what) \(address) overlaps \(interface.name)'s address \(inet.network); give it a network of its own")
                }
            }
        }
    }
}
