import FirstbootEngine

/// The platform's phases, in the order they run.
extension Phase {
    static let firstboot = Phase("firstboot")
    static let lockdown = Phase("lockdown")
    static let vnet = Phase("vnet")
    /// Optional, after lockdown and vnet: the jail networks advertised to the tailnet.
    static let subnet = Phase("subnet")
}
