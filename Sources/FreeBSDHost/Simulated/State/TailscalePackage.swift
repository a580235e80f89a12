#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the `tailscale` package installs (security/tailscale: bin/tailscale, bin/tailscaled
/// and the rc script from files/tailscaled.in).
enum TailscalePackage {
    static let version = "1.82.5"
    static let rcScriptPath = "/usr/local/etc/rc.d/tailscaled"
    static let clientPath = "/usr/local/bin/tailscale"
    static let daemonPath = "/usr/local/bin/tailscaled"

    /// The port's rc script (security/tailscale/files/tailscaled.in): its header and variables
    /// are what rcorder and rc.subr read. Like the port it has its own start_cmd, which runs
    /// daemon(8) and prints nothing, and a stop_postcmd that destroys tailscale0.
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

    pidfile=/var/run/${name}.pid
    procname="/usr/local/bin/${name}"
    tailscale_tap_dev="tailscale0"

    start_cmd="${name}_start"
    stop_postcmd="${name}_poststop"

    tailscaled_start()
    {
    \tenv CACHE_DIRECTORY=/var/db/tailscale /usr/sbin/daemon -f -p ${pidfile} ${procname} --port ${tailscaled_port}
    }

    tailscaled_poststop()
    {
    \t/sbin/ifconfig ${tailscale_tap_dev} >/dev/null 2>&1 && (
    \t\tlogger -s -t tailscaled "Destroying tailscale0 adapter"
    \t\t/sbin/ifconfig ${tailscale_tap_dev} destroy
    \t)
    }

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
