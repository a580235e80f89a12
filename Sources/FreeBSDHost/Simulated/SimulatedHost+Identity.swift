extension SimulatedHost {
    /// The host's name and FreeBSD version, which no modelled command prints.
    package var identity: (hostname: String, freebsdVersion: String) {
        (state.hostname, state.freebsdVersion)
    }

    /// The services running now, sorted.
    package var runningServices: [String] {
        state.services.keys.sorted()
    }
}
