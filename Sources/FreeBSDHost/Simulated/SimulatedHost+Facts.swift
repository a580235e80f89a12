extension SimulatedHost {
    /// The host's name and FreeBSD version, which no modelled command prints.
    package var identity: (hostname: String, freebsdVersion: String) {
        (state.hostname, state.freebsdVersion)
    }

    /// Every file of the host, as a profile lists them.
    package var allFiles: [String: ProfileFile] {
        state.files
    }

    /// The services running now, sorted.
    package var runningServices: [String] {
        state.services.keys.sorted()
    }
}
