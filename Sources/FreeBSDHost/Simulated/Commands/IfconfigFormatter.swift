#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Prints an interface the way FreeBSD 14's ifconfig does: a flags line, then TAB-indented
/// lines, netmasks in hex, `groups:` of the cloner, bridge `member:` lines.
struct IfconfigFormatter {
    var state: SimulatedState

    private static let flagNames: [(UInt32, String)] = [
        (0x1, "UP"), (0x2, "BROADCAST"), (0x8, "LOOPBACK"), (0x10, "POINTOPOINT"), (0x40, "RUNNING"),
        (0x100, "PROMISC"), (0x800, "SIMPLEX"), (0x8000, "MULTICAST"), (0x1000000, "LOWER_UP"),
    ]

    func show(_ item: SimulatedInterface) -> String {
        let isMember = state.interfaces.contains { $0.members.contains(item.name) }
        var flags: UInt32
        var options: String
        var mtu = 1500
        switch item.kind {
        case .loopback:
            flags = 0x8 | 0x8000
            options = "680003<RXCSUM,TXCSUM,LINKSTATE,RXCSUM_IPV6,TXCSUM_IPV6>"
            mtu = 16384
        case .tun:
            flags = 0x10 | 0x8000
            options = "80000<LINKSTATE>"
            mtu = 1280
        case .bridge:
            flags = 0x2 | 0x800 | 0x8000
            options = "0"
            if !item.members.isEmpty { flags |= 0x100 }
        case .physical:
            flags = 0x2 | 0x800 | 0x8000
            options = "4800bb<RXCSUM,TXCSUM,VLAN_MTU,VLAN_HWTAGGING,JUMBO_MTU,VLAN_HWCSUM,LINKSTATE,TXCSUM_IPV6>"
        case .epair, .tap, .vlan:
            flags = 0x2 | 0x800 | 0x8000
            options = "8<VLAN_MTU>"
        }
        if isMember { flags |= 0x100 }
        if item.up { flags |= 0x1 | 0x40 | 0x1000000 }
        let names = Self.flagNames.filter { flags & $0.0 != 0 }.map(\.1).joined(separator: ",")
        var lines = ["\(item.name): flags=\(String(flags, radix: 16))<\(names)> metric 0 mtu \(mtu)"]
        if let description = item.description { lines.append("\tdescription: \(description)") }
        lines.append("\toptions=\(options)")
        if let ether = item.ether { lines.append("\tether \(ether)") }
        for network in item.networks {
            let mask = "0x" + String(hexadecimal: network.netmask, digits: 8)
            switch item.kind {
            case .loopback:
                lines.append("\tinet \(network.address) netmask \(mask)")
            case .tun:
                lines.append("\tinet \(network.address) --> \(network.address) netmask \(mask)")
            default:
                lines.append("\tinet \(network.address) netmask \(mask) broadcast \(network.broadcastAddress)")
            }
        }
        for address in item.inet6 {
            let parts = address.split(separator: "/")
            let length = parts.count == 2 ? String(parts[1]) : "64"
            var line = "\tinet6 \(parts[0]) prefixlen \(length)"
            if parts[0].contains("%") { line += " scopeid 0x\(String(item.index, radix: 16))" }
            lines.append(line)
        }
        switch item.kind {
        case .bridge:
            lines.append("\tid 00:00:00:00:00:00 priority 32768 hellotime 2 fwddelay 15")
            lines.append("\tmaxage 20 holdcnt 6 proto rstp maxaddr 2000 timeout 1200")
            lines.append("\troot id 00:00:00:00:00:00 priority 32768 ifcost 0 port 0")
            for member in item.members.reversed() {
                let port = state.interface(named: member)?.index ?? 0
                lines.append("\tmember: \(member) flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>")
                lines.append("\t\tifmaxaddr 0 port \(port) priority 128 path cost 2000")
            }
            lines.append("\tgroups: bridge")
            lines.append("\tnd6 options=9<PERFORMNUD,IFDISABLED>")
        case .physical:
            lines.append("\tmedia: Ethernet autoselect (10Gbase-T <full-duplex>)")
            lines.append("\tstatus: \(item.up ? "active" : "no carrier")")
            lines.append("\tnd6 options=29<PERFORMNUD,IFDISABLED,AUTO_LINKLOCAL>")
        case .loopback:
            lines.append("\tgroups: lo")
            lines.append("\tnd6 options=21<PERFORMNUD,AUTO_LINKLOCAL>")
        case .tun:
            lines.append("\tgroups: tun")
            lines.append("\tnd6 options=101<PERFORMNUD,NO_DAD>")
            if let pid = state.tailscale.daemonPID, item.name == "tailscale0" { lines.append("\tOpened by PID \(pid)") }
        case .epair:
            lines.append("\tgroups: epair")
            lines.append("\tmedia: Ethernet 10Gbase-T (10Gbase-T <full-duplex>)")
            lines.append("\tstatus: active")
            lines.append("\tnd6 options=29<PERFORMNUD,IFDISABLED,AUTO_LINKLOCAL>")
        case .tap, .vlan:
            lines.append("\tgroups: \(item.kind.rawValue)")
            lines.append("\tnd6 options=29<PERFORMNUD,IFDISABLED,AUTO_LINKLOCAL>")
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
