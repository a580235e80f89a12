/// The absolute paths the platform's steps use on a FreeBSD host.
enum FreeBSDPaths {
    static let route = "/sbin/route"
    static let ifconfig = "/sbin/ifconfig"
    static let pfctl = "/sbin/pfctl"
    static let kldload = "/sbin/kldload"
    static let kldunload = "/sbin/kldunload"
    static let kldstat = "/sbin/kldstat"
    static let rcConf = "/etc/rc.conf"
    static let pfConf = "/etc/pf.conf"
    static let pfFallback = "/etc/pf-fallback.conf"
    static let localRCDirectory = "/usr/local/etc/rc.d"
    static let pfReloadScript = "/usr/local/etc/rc.d/pf_reload"
    static let pkg = "/usr/sbin/pkg"
    static let env = "/usr/bin/env"
    static let service = "/usr/sbin/service"
    static let tailscale = "/usr/local/bin/tailscale"
}
