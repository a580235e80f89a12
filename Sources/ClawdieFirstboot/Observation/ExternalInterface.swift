import FirstbootEngine

/// Finds the external interface: the operator's choice when configured, else the interface of
/// the default route. Both are checked to exist, so a wrong name stops the run before anything
/// changes.
enum ExternalInterface {
    static func resolve(_ settings: Settings, on observer: HostObserver) throws -> String {
        let name: String
        switch settings.externalInterface {
        case .named(let configured):
            name = configured
            guard try observer.interface(name) != nil else {
                let present = (try? observer.interfaceNames())?.joined(separator: " ") ?? "unknown"
                throw StepRefusal("ext_if is set to \(name), which does not exist on this host (interfaces: \(present)); fix ext_if in the configuration")
            }
        case .auto:
            guard let found = try observer.defaultRouteInterface() else {
                throw StepRefusal("no default route: `route -n get default` names no interface; bring up the network or set ext_if in the configuration")
            }
            name = found
        }
        return name
    }
}
