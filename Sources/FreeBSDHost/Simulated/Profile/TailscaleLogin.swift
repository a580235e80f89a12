/// What the tailnet's control server does when `tailscale up` presents an auth key: the
/// profile field `tailscale.login` (docs/host-profile.md).
package enum TailscaleLogin: String, Sendable, Equatable, Encodable, CaseIterable {
    /// The key is valid: the node logs in and its backend reaches `Running`.
    case accepts
    /// The key is refused: `backend error: invalid key: …`, the node stays `NeedsLogin`.
    case rejects
    /// The node logs in but never reaches `Running` (control or DERP unreachable): the
    /// backend stays `Starting` and `up` times out.
    case neverRunning = "never-running"
}
