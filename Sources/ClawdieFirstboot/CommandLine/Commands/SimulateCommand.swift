import FirstbootEngine
import FreeBSDHost

/// `simulate reboot` and `simulate probe`: only with `--host-profile`, so CI can prove that a
/// configuration keeps the operator's access after a reboot.
enum SimulateCommand {
    static func run(_ invocation: Invocation, output: Output) throws -> ExitStatus {
        let context = try ToolContext(invocation, changesHost: true)
        guard let host = context.simulated, let action = invocation.simulate else {
            throw UsageError(message: "simulate works on a simulated host: give --host-profile FILE")
        }
        switch action {
        case .reboot:
            // A reboot ends every process: the confirmation watcher too.
            ConfirmationWatcher.stop(stateDirectory: context.stateDirectory)
            // The boot hook, installed and enabled, runs `apply --boot` where /etc/rc reaches
            // it: after what it REQUIREs, before what comes later in rcorder's order.
            var status = ExitStatus.success
            let report = try host.reboot { _ in
                var boot = invocation
                boot.verb = .apply
                boot.boot = true
                boot.simulate = nil
                output.out("clawdie_firstboot: apply --boot")
                status = try ApplyCommand.run(boot, output: output)
                return "apply --boot exited \(status.rawValue)"
            }
            output.out(report.description)
            return status
        case .probe(let request):
            guard host.interfaceNames.contains(request.interface) else {
                throw UsageError(message: "the simulated host has no interface \(request.interface); it has \(host.interfaceNames.joined(separator: ", "))", command: "simulate probe")
            }
            if let source = request.source, let destination = request.destination {
                let path = host.probePath(interface: request.interface, protocol: request.proto, port: request.port, source: source,
                                          destination: destination)
                output.out(path.passes ? "pass" : "block")
                for hop in path.hops { output.out("  " + hop) }
                return .success
            }
            let verdict = host.probe(interface: request.interface, protocol: request.proto, port: request.port, source: request.source)
            let answer = host.filteringRules.map { ProbeAnswer(verdict, file: $0.path, text: $0.text) } ?? .pfDisabled
            try ProbeCommand.print(answer, json: invocation.json, output: output)
        case .approveRoutes:
            let routes = try host.approveAdvertisedRoutes()
            output.out(routes.isEmpty ? "no subnet routes advertised" : "approved: " + routes.joined(separator: ", "))
        }
        return .success
    }
}
