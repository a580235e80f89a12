/// The keys of the configuration file, in the order they are documented.
package enum SettingKey: String, CaseIterable, Sendable {
    case extIf = "ext_if"
    case bridgeName = "bridge_name"
    case bridgeAddress = "bridge_address"
    case natNetwork = "nat_network"
    case sshPort = "ssh_port"
    case sshMaxSrcConn = "ssh_max_src_conn"
    case sshMaxSrcConnRate = "ssh_max_src_conn_rate"
    case publicTCPPorts = "public_tcp_ports"
    case pfReloadWait = "pf_reload_wait"
    case bootRetryLimit = "boot_retry_limit"
    case bootPhases = "boot_phases"
    case tailscaleAuthKeyFile = "tailscale_auth_key_file"
    case tailscaleHostname = "tailscale_hostname"
    case tailnetWait = "tailnet_wait"
    case vncPort = "vnc_port"
    case lockdownConfirmWithin = "lockdown_confirm_within"
}
