extension SimulatedHost {
    /// Whether pf would let the first packet of a connection through: always when pf is
    /// disabled; otherwise the loaded ruleset decides, with the interfaces that existed when it
    /// was loaded and the tables' current contents.
    ///
    /// - Parameters:
    ///   - port: the destination port (TCP/UDP); nil for protocols without ports.
    ///   - source: the sender; nil stands for some address outside every table and network.
    ///   - destination: the receiver; nil stands for the host's own address on `interface`.
    package func probe(
        interface: String, direction: PFDirection = .in, protocol proto: PFProtocol, port: UInt16?,
        source: IPv4Address? = nil, destination: IPv4Address? = nil
    ) -> PFVerdict {
        guard state.kernelModules.contains("pf"), state.pf.enabled, let ruleset = state.loadedRuleset else {
            return PFVerdict(action: .pass, line: nil, cause: .noMatchingRule)
        }
        let tables = state.pf.tables.mapValues { $0.compactMap { IPv4Network($0) } }
        var addresses: [String: [IPv4Network]] = [:]
        for item in state.interfaces { addresses[item.name] = item.networks }
        let evaluator = PFEvaluator(
            ruleset: ruleset, tableContents: tables, interfaceAddresses: addresses,
            interfacesPresentAtLoad: Set(state.pf.interfacesAtLoad))
        return evaluator.verdict(for: PFPacket(
            interface: interface, direction: direction, family: .inet, proto: proto, source: source, destination: destination,
            destinationPort: port))
    }
}

extension SimulatedHost {
    /// The text and path of the ruleset pf has loaded; nil when pf is not filtering (module
    /// not loaded, disabled, or no rules loaded), which passes everything.
    package var filteringRules: (text: String, path: String)? {
        guard state.kernelModules.contains("pf"), state.pf.enabled, let text = state.pf.loadedText else { return nil }
        return (text, state.pf.loadedPath ?? "stdin")
    }

    /// The names of the host's interfaces now.
    package var interfaceNames: [String] { state.interfaces.map(\.name) }
}
