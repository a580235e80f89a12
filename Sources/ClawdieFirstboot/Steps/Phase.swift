/// The platform's phases, in the order they run.
enum Phase {
    static let firstboot = "firstboot"
    static let lockdown = "lockdown"
    static let vnet = "vnet"
    /// Optional, after lockdown and vnet: the jail networks advertised to the tailnet.
    static let subnet = "subnet"
}
