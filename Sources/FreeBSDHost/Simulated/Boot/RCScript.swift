/// An rc.d script as the simulator knows it: where it is, its rcorder header, the rc.conf
/// variable that enables it, and which modelled behaviour runs when /etc/rc or service(8)
/// calls it.
struct RCScript {
    enum Behavior: Equatable {
        /// A placeholder for ordering (FILESYSTEMS, NETWORKING, LOGIN, …): does nothing.
        case placeholder
        /// rc.d/netif: cloned interfaces, renames, addresses.
        case netif
        /// rc.d/routing: the default route and IP forwarding.
        case routing
        /// rc.d/pf.
        case pf
        /// A daemon: what its start and stop do is its entry in `SimulatedDaemon.table`.
        case daemon(SimulatedDaemon)
        /// A local `pf_reload` script: waits for tailscale0 and reloads pf.conf.
        case pfReload
        /// A script the simulator cannot run; the boot report lists it as skipped.
        case unmodelled
        /// A base script the simulator orders (its header is real) but neither runs nor lists.
        case unlisted
        /// The project's boot hook (`PROVIDE: clawdie_firstboot`): the boot stops there and
        /// the caller runs `apply --boot` against the host as it is at that point.
        case bootHook
    }

    var path: String
    var name: String
    var header: RCScriptHeader
    var rcvar: String?
    var behavior: Behavior

    var isLocal: Bool { path.hasPrefix(SimulatedState.localRCDirectory + "/") }
}
