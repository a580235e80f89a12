/// The platform's phases, in the order they run.
enum Phase {
    static let firstboot = "firstboot"
    static let lockdown = "lockdown"
    static let vnet = "vnet"
}
