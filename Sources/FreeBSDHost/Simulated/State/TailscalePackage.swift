import Foundation

/// What the `tailscale` package installs (security/tailscale: bin/tailscale, bin/tailscaled
/// and the rc script from files/tailscaled.in).
enum TailscalePackage {
    static let version = "1.82.5"
    static let rcScriptPath = "/usr/local/etc/rc.d/tailscaled"
    static let clientPath = "/usr/local/bin/tailscale"
    static let daemonPath = "/usr/local/bin/tailscaled"

    /// The port's rc script: its header and variables are what rcorder and rc.subr read.
    static let rcScript = """
    #!/bin/sh

    # PROVIDE: tailscaled
    # REQUIRE: NETWORKING
    # KEYWORD: shutdown

    . /etc/rc.subr

    name=tailscaled
    rcvar=tailscaled_enable

    load_rc_config $name

    : ${tailscaled_enable:="NO"}
    : ${tailscaled_port:="41641"}
    : ${tailscaled_state_dir:="/var/db/tailscale"}

    pidfile=/var/run/${name}.pid
    procname="/usr/local/bin/${name}"
    command="/usr/sbin/daemon"
    command_args="-f -p ${pidfile} ${procname} --port ${tailscaled_port} --statedir ${tailscaled_state_dir}"

    stop_postcmd="/sbin/ifconfig tailscale0 destroy > /dev/null 2>&1 || true"

    run_rc_command "$1"

    """

    /// The package's files with their modes (binaries 0755, rc script 0555).
    static var files: [String: ProfileFile] {
        [
            clientPath: ProfileFile(text: "#!simulated tailscale \(version)\n", mode: 0o755),
            daemonPath: ProfileFile(text: "#!simulated tailscaled \(version)\n", mode: 0o755),
            rcScriptPath: ProfileFile(text: rcScript, mode: 0o555),
        ]
    }
}
