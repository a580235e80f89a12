import FirstbootEngine
import FreeBSDHost

/// What the lockdown steps need to know about Tailscale on the host. Read-only.
struct TailscaleFacts {
    /// The interface tailscaled creates.
    static let interface = "tailscale0"

    var observer: HostObserver

    init(host: any TargetHost) { observer = HostObserver(host: host) }

    /// Whether the `tailscale` package is installed (`pkg info -e` exits 0).
    func installed() throws -> Bool {
        try observer.run([FreeBSDPaths.pkg, "info", "-e", "tailscale"]).succeeded
    }

    /// Whether tailscaled runs, by rc.subr's `status` — never by `start`'s exit status.
    func daemonRunning() throws -> Bool {
        guard try installed() else { return false }
        return try observer.run([FreeBSDPaths.service, "tailscaled", "status"]).succeeded
    }

    /// `tailscale status --json`, or nil when Tailscale is not installed or its daemon does
    /// not answer.
    func status() throws -> TailscaleStatus? {
        guard try installed() else { return nil }
        let result = try observer.run([FreeBSDPaths.tailscale, "status", "--json"])
        guard result.succeeded else { return nil }
        return try TailscaleStatus.parse(result.stdoutText)
    }

    /// The node's preferences (`tailscale debug prefs`), or nil when Tailscale is not
    /// installed or its daemon does not answer.
    func prefs() throws -> TailscalePrefs? {
        guard try installed() else { return nil }
        let result = try observer.run([FreeBSDPaths.tailscale, "debug", "prefs"])
        guard result.succeeded else { return nil }
        return try TailscalePrefs.parse(result.stdoutText)
    }

    /// The tailnet is live when the backend is `Running` and tailscale0 has an IPv4 address:
    /// the path the operator will use after lockdown. Nil when live, else what is missing.
    func whatIsMissing() throws -> String? {
        guard let status = try status() else { return "tailscaled is not running" }
        guard status.backendState == .running else { return "the Tailscale backend is \(status.backendState), not Running" }
        guard let interface = try observer.interface(Self.interface) else { return "\(Self.interface) does not exist" }
        guard !interface.inet.isEmpty else { return "\(Self.interface) has no address" }
        return nil
    }

    /// The node's name on the tailnet: the configured one, else the host's short name from
    /// rc.conf.
    func hostname(_ settings: Settings) throws -> String {
        if let name = settings.tailscaleHostname { return name }
        guard let full = try observer.rcValue("hostname"), let short = full.split(separator: ".").first, !short.isEmpty else {
            throw StepRefusal("the host has no hostname in /etc/rc.conf; set tailscale_hostname in the configuration")
        }
        return String(short)
    }
}
