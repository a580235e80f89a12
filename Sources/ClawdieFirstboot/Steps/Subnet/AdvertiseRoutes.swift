import FirstbootEngine
import FreeBSDHost

/// `advertise-routes`: the host advertises the jail networks to the tailnet as subnet routes,
/// with `tailscale set --advertise-routes=…`, which changes that one preference. (`tailscale
/// up` would refuse unless every non-default setting in force were repeated, and with them
/// would reset any it was not given: docs/host-profile.md.) Routes inside `nat_network` are the
/// platform's and become exactly the configured ones — none when the key is emptied — and the
/// node's other routes are kept. The undo puts the list back as it was.
///
/// A route the tailnet's admin has not approved yet is not an error: `status` shows it as
/// awaiting approval. With `tailscale_route_approval_wait` the step waits that long for the
/// approval and fails, withdrawing the routes, if it does not come.
struct AdvertiseRoutes: Step {
    let id = StepID.advertiseRoutes
    let phase = Phase.subnet
    var requires: [StepID] { [.subnetPF, .waitTailnet] }
    var settings: Settings

    var wanted: [String] { settings.advertisedNetworks.map(\.description) }

    func checkPreconditions(in context: StepContext) throws {
        guard !wanted.isEmpty else { return }
        if let missing = try TailscaleFacts(host: context.host).whatIsMissing() {
            throw StepRefusal("no live tailnet (\(missing)); subnet routes are advertised by a Running node — check `tailscale status`")
        }
    }

    func changes(in context: StepContext) throws -> [Change] {
        guard let prefs = try TailscaleFacts(host: context.host).prefs() else {
            // Nothing configured and no Tailscale to ask: nothing to withdraw either.
            if wanted.isEmpty { return [] }
            throw StepRefusal("`tailscale debug prefs` did not answer; is tailscaled running?")
        }
        let current = prefs.subnetRoutes
        let desired = current.filter { !platformOwns($0) } + wanted
        guard Set(desired) != Set(current) else { return [] }
        return [.run(argv: Self.set(desired), undo: .command(Self.set(current)))]
    }

    /// A route inside the NAT pool is a jail network's: one the configuration may no longer name.
    func platformOwns(_ route: String) -> Bool {
        IPv4Network(route).map { settings.natNetwork.contains($0) } ?? false
    }

    static func set(_ routes: [String]) -> [String] {
        [FreeBSDPaths.tailscale, "set", "--advertise-routes=" + routes.joined(separator: ",")]
    }

    func verify(in context: StepContext) throws {
        let facts = TailscaleFacts(host: context.host)
        let advertised = try facts.prefs()?.subnetRoutes ?? []
        if let missing = wanted.first(where: { !advertised.contains($0) }) {
            throw StepRefusal("`tailscale debug prefs` does not advertise \(missing)")
        }
        guard settings.routeApprovalWait > 0 else { return }
        var pending: [String] = []
        do {
            try context.waitUntil("the tailnet's approval of the subnet routes", timeout: Double(settings.routeApprovalWait)) {
                let status = try facts.status()
                pending = wanted.filter { status?.approves($0) != true }
                return pending.isEmpty
            }
        } catch let refusal as StepRefusal {
            throw StepRefusal("\(refusal.message): \(pending.joined(separator: ", ")) still awaiting approval — approve them in the tailnet's admin console (Machines, this node, Edit route settings), or set tailscale_route_approval_wait=0 to not wait")
        }
    }

    func summary(in context: StepContext) throws -> String? {
        wanted.isEmpty ? "tailscale_subnet_routes is empty: nothing to advertise" : "advertise " + wanted.joined(separator: ", ")
    }
}

extension StepID {
    static let advertiseRoutes = StepID("advertise-routes")
}
