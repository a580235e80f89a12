/// The headers of FreeBSD's base rc.d scripts, one line a script, as the facts files in
/// shared/freebsd-src record them (rc.d-headers.txt: libexec/rc/rc.d/* of freebsd/freebsd-src,
/// each row with the commit it was read at; rc.d-headers-14x-overrides.txt: the scripts whose
/// 14.x headers differ). Format: `name|commit|PROVIDE|REQUIRE (lines joined by ';')|BEFORE|KEYWORD`,
/// overrides without the commit. A test compares these copies with the facts files.
enum BaseRCHeaders {
    static let table = #"""
# name|commit|PROVIDE|REQUIRE(lines joined in file order, ';' between lines)|BEFORE|KEYWORD
DAEMON|e4452d45|DAEMON|NETWORKING SERVERS||
FILESYSTEMS|4f48fd7c|FILESYSTEMS|root mountcritlocal cleanvar tmp||
LOGIN|d28066d8|LOGIN|DAEMON||
NETWORKING|1b1334b1|NETWORKING NETWORK|netif netwait netoptions routing ppp ipfw stf;defaultroute route6d resolv bridge;static_arp static_ndp||
SERVERS|028af4ae|SERVERS|mountcritremote sysvipc linux ldconfig savecore watchdogd||
accounting|33852691|accounting|mountcritremote|DAEMON|nojail
adjkerntz|a94147c1|adjkerntz|FILESYSTEMS|netif|nojail
apm|6d13bb0e|apm|DAEMON|LOGIN|nojail
auditd|03ccfdd2|auditd|syslogd|DAEMON|nojail shutdown
auditdistd|6d13bb0e|auditdistd|auditd|DAEMON|nojail shutdown
automount|a94147c1|automount|nfsclient automountd|DAEMON|nojail shutdown
automountd|d28066d8|automountd|rpcbind ypset nfsclient FILESYSTEMS ldconfig|DAEMON|nojail
autounmountd|6d13bb0e|autounmountd|FILESYSTEMS|DAEMON|nojail
bgfsck|023fc80e|bgfsck|cron devfs syslogd||nojail
blacklistd|6b9c7f29|blacklistd|netif pf||
bluetooth|023fc80e|bluetooth|DAEMON||nojail nostart
bootparams|023fc80e|bootparams|rpcbind DAEMON|LOGIN|nojail
bridge|771ff4b8|bridge|netif ppp stf||nojailvnet
bsnmpd|023fc80e|bsnmpd|NETWORKING syslogd||nojailvnet shutdown
bthidd|19cba666|bthidd|DAEMON hcsecd|LOGIN|nojail shutdown
ccd|1b1334b1|disks|||nojail
cfumass|19cba666|cfumass|var||nojail
cleanvar|04b24c10|cleanvar|var||
cleartmp|023fc80e|cleartmp|mountcritremote tmp|DAEMON|
cron|d28066d8|cron|LOGIN FILESYSTEMS|securelevel|shutdown
ctld|6d13bb0e|ctld|FILESYSTEMS NETWORKING|DAEMON|nojail
ddb|25a3e504|ddb|dumpon|disks|nojail
defaultroute|4258829c|defaultroute|devd netif stf||nojailvnet
devd|61d43332|devd|netif ldconfig|NETWORKING mountcritremote|nojail shutdown
devfs|1b1334b1|devfs|mountcritremote|SERVERS securelevel|nojail
devmatch|023fc80e|devmatch|kld|netif|nojail
dhclient|03ccfdd2|dhclient|||nojailvnet nostart
dmesg|0dcfecbf|dmesg|mountcritremote FILESYSTEMS|DAEMON|nojail
dnctl|1b1334b1|dnctl||pf ipfw|nojailvnet
dumpon|023fc80e|dumpon||disks|nojail
fsck|6d13bb0e|fsck|swap||nojail
ftp-proxy|023fc80e|ftp-proxy|DAEMON pf||shutdown
ftpd|6d13bb0e|ftpd|LOGIN FILESYSTEMS||shutdown
gbde|d0b2dbfa|disks|||nojail
geli|20d4ec93|disks|||nojail
geli2|a94147c1|geli2|FILESYSTEMS||nojail
ggated|78465548|ggated|NETWORKING||
gptboot|d0b2dbfa|gptboot|mountcritremote||nojail
growfs|04500107|growfs|fsck|root|firstboot
growfs_fstab|1b1334b1|growfs_fstab|growfs root||firstboot
gssd|5d574146|gssd|root mountcritlocal NETWORKING kdc|mountcritremote|nojailvnet shutdown
hastd|d0b2dbfa|hastd|NETWORKING syslogd|DAEMON|nojail shutdown
hcsecd|1b1334b1|hcsecd|DAEMON|LOGIN|nojail shutdown
hostapd|02ed4c7e|hostapd|mountcritremote||nojail shutdown
hostid|023fc80e|hostid|sysctl||nojail
hostid_save|90d99349|hostid_save|hostid root||nojail
hostname|6d13bb0e|hostname|FILESYSTEMS|netif|
inetd|6d13bb0e|inetd|DAEMON LOGIN FILESYSTEMS||shutdown
iovctl|03bbfb01|iovctl|FILESYSTEMS sysctl kld||
ip6addrctl|023fc80e|ip6addrctl|FILESYSTEMS|netif|nojailvnet
ipfilter|023fc80e|ipfilter|FILESYSTEMS|ipmon ipnat netif netwait securelevel|nojailvnet
ipfs|425f68e6|ipfs|ipnat|netif|nojail shutdown
ipfw|2b1950d6|ipfw|ppp||nojailvnet
ipfw_netflow|d0b2dbfa|ipfw_netflow|ipfw||nojailvnet
ipmon|0696600c|ipmon|FILESYSTEMS hostname sysctl ipfilter|SERVERS|nojail
ipnat|023fc80e|ipnat|||nojailvnet
ippool|0dcfecbf|ippool|FILESYSTEMS|ipfilter|nojailvnet
ipropd_master|6d13bb0e|ipropd_master|kdc||shutdown
ipropd_slave|d28066d8|ipropd_slave|kdc||shutdown
ipsec|d28066d8|ipsec|FILESYSTEMS|DAEMON mountcritremote|nojailvnet
iscsictl|023fc80e|iscsictl|NETWORK iscsid|DAEMON|nojail
iscsid|023fc80e|iscsid|NETWORK|DAEMON|nojail
kadmind|1b1334b1|kadmind|kdc||shutdown
kdc|6e225b56|kdc|NETWORKING|SERVERS|shutdown
keyserv|d28066d8|keyserv|ypset|DAEMON|shutdown
kfd|023fc80e|kfd|NETWORK||shutdown
kld|023fc80e|kld|kldxref||nojail
kldxref|023fc80e|kldxref|FILESYSTEMS|netif|nojail
kpasswdd|1b1334b1|kpasswdd|kdc||shutdown
ldconfig|023fc80e|ldconfig|FILESYSTEMS|DAEMON|
local|6d13bb0e|local|DAEMON|LOGIN|shutdown
linux|023fc80e|linux|archdep||nojail
local_unbound|1b1334b1|local_unbound|FILESYSTEMS defaultroute netwait resolv|NETWORKING|shutdown
localpkg|39c977ef|localpkg|sysvipc linux|securelevel|shutdown
lockd|a94147c1|lockd|nfsclient rpcbind statd|DAEMON|nojail shutdown
archdep|023fc80e|archdep|mountcritremote||nojail
lpd|d28066d8|lpd|DAEMON|LOGIN|shutdown
mdconfig|d28066d8|mdconfig|swap root||
mdconfig2|d28066d8|mdconfig2|mountcritremote|SERVERS|
mixer|023fc80e|mixer|FILESYSTEMS||nojail shutdown
motd|023fc80e|motd|mountcritremote FILESYSTEMS|LOGIN|
mountcritlocal|61235af0|mountcritlocal|root hostid_save mdconfig||nojail shutdown
mountcritremote|19cba666|mountcritremote|NETWORKING FILESYSTEMS ipsec netwait nfscbd||nojail
mountd|09673fc0|mountd|NETWORKING rpcbind quota||nojail shutdown
mountlate|4cea0cbc|mountlate|DAEMON|LOGIN|nojail
moused|1335bf5c|moused|DAEMON FILESYSTEMS||nojail shutdown
msgs|6d13bb0e|msgs|LOGIN||
natd|1b1334b1|natd|||nostart nojailvnet
netif|023fc80e|netif|FILESYSTEMS iovctl serial sppp sysctl;hostid||nojailvnet
netoptions|1459a8eb|netoptions|FILESYSTEMS|netif|nojailvnet
netwait|218a0fbe|netwait|devd ipfw pf routing||
newsyslog|023fc80e|newsyslog|FILESYSTEMS mountcritremote||
nfscbd|6d13bb0e|nfscbd|NETWORKING nfsuserd||nojail shutdown
nfsclient|8331255c|nfsclient|NETWORKING mountcritremote rpcbind||nojail shutdown
nfsd|03ccfdd2|nfsd|mountcritremote mountd hostname gssd nfsuserd||nojail shutdown
nfsuserd|1b1334b1|nfsuserd|NETWORKING||nojailvnet shutdown
nisdomain|6d13bb0e|nisdomain|SERVERS rpcbind|ypset ypbind ypserv ypxfrd|
nscd|1b1334b1|nscd|DAEMON|LOGIN|shutdown
ntpd|10ae3fc0|ntpd|DAEMON ntpdate FILESYSTEMS devfs|LOGIN|nojail resume shutdown
ntpdate|023fc80e|ntpdate|NETWORKING syslogd||nojail
nuageinit|0f5195ae|nuageinit|mountcritlocal|NETWORKING|firstboot
opensm|1b1334b1|opensm|FILESYSTEMS|netif|
os-release|131c6462|os-release|mountcritremote FILESYSTEMS|LOGIN|
pf|1b1334b1|pf|FILESYSTEMS netif pflog pfsync routing||nojailvnet
pflog|a94147c1|pflog|FILESYSTEMS netif||nojailvnet
pfsync|6d13bb0e|pfsync|FILESYSTEMS netif||nojailvnet
power_profile|a94147c1|power_profile|FILESYSTEMS syslogd||nojail nostart
powerd|023fc80e|powerd|DAEMON|LOGIN|nojail shutdown
ppp|19a6267d|ppp|netif||nojail
pppoed|18d7dc5f|pppoed|NETWORKING|DAEMON|nojail
pwcheck|a94147c1|pwcheck|mountcritremote syslogd|DAEMON|
quota|1b1334b1|quota|mountcritremote ypset|DAEMON|nojail
random|023fc80e|random|FILESYSTEMS|netif|nojail shutdown
rarpd|1b1334b1|rarpd|DAEMON FILESYSTEMS|LOGIN|nojailvnet
rctl|1b1334b1|rctl|FILESYSTEMS|LOGIN|nojail
resolv|023fc80e|resolv|netif FILESYSTEMS||nojail
rfcomm_pppd_server|6d13bb0e|rfcomm_pppd_server|DAEMON sdpd|LOGIN|nojail
root|023fc80e|root|fsck||nojail
route6d|023fc80e|route6d|netif routing||nojailvnet
routed|023fc80e|routed dynamicrouting|netif routing|NETWORK|nojailvnet
routing|023fc80e|routing|netif ppp stf||nojailvnet
rpcbind|1b1334b1|rpcbind|NETWORKING ntpdate syslogd||shutdown
rtadvd|d0b2dbfa|rtadvd|DAEMON|LOGIN|nojailvnet shutdown
rtsold|a94147c1|rtsold|netif|NETWORKING|nojailvnet shutdown
rwho|a94147c1|rwho|DAEMON|LOGIN|shutdown
savecore|023fc80e|savecore|dumpon ddb syslogd||nojail
sdpd|a94147c1|sdpd|DAEMON|LOGIN|nojail shutdown
securelevel|4ee2bcb4|securelevel|adjkerntz ipfw pf sysctl_lastload||
sendmail|242eb8d4|mail|LOGIN FILESYSTEMS||shutdown
serial|44841dd5|serial|root||nojail
sshd|6d13bb0e|sshd|LOGIN FILESYSTEMS||shutdown
statd|6d13bb0e|statd|nfsclient rpcbind|DAEMON|nojail shutdown
static_arp|6d13bb0e|static_arp|netif||nojailvnet
static_ndp|d0b2dbfa|static_ndp|netif||nojailvnet
stf|023fc80e|stf|netif||nojail
swap|6d13bb0e|swap|disks||nojail shutdown
swaplate|6d13bb0e|swaplate|mountlate||nojail shutdown
syscons|023fc80e|syscons|LOGIN||nojail
sysctl|023fc80e|sysctl|||
sysctl_lastload|6d13bb0e|sysctl_lastload|LOGIN|jail|
syslogd|90dac7df|syslogd|mountcritremote FILESYSTEMS newsyslog netif|SERVERS|
sysvipc|0216ab4d|sysvipc|archdep||nojail
tlsclntd|023fc80e|tlsclntd|NETWORKING root mountcritlocal sysctl|nfscbd|nojail shutdown
tlsservd|0bb08f21|tlsservd|NETWORKING root mountcritlocal sysctl|nfsd|nojailvnet shutdown
tmp|190d36ef|tmp|mountcritlocal||
ubthidhci|1b1334b1|ubthidhci|DAEMON|bluetooth|nojail shutdown
ugidfw|6d13bb0e|ugidfw|FILESYSTEMS|LOGIN|nojail shutdown
utx|023fc80e|utx|DAEMON FILESYSTEMS|LOGIN|shutdown
var|1b1334b1|var|mountcritlocal||
var_run|0410c1cd|var_run|mountcritlocal|cleanvar|shutdown
virecover|a94147c1|virecover|mountcritremote ldconfig|DAEMON|
watchdogd|1b1334b1|watchdogd|FILESYSTEMS syslogd||nojail shutdown
wpa_supplicant|023fc80e|wpa_supplicant|mountcritremote||nojail nostart
ypbind|6d13bb0e|ypbind|ypserv|DAEMON|shutdown
ypldap|6d13bb0e|ypldap|ypserv|DAEMON|shutdown
yppasswdd|6d13bb0e|yppasswdd|ypserv ypset|LOGIN|shutdown
ypserv|6d13bb0e|ypserv|rpcbind||shutdown
ypset|1b1334b1|ypset|ypbind||shutdown
ypupdated|023fc80e|ypupdated|rpcbind ypserv||shutdown
ypxfrd|1b1334b1|ypxfrd|rpcbind ypserv||shutdown
zfs|13b8077b|zfs|zfsbe|FILESYSTEMS tmp var|
zfsbe|023fc80e|zfsbe|mountcritlocal||
zfsd|d28066d8|zfsd|devd zfs||nojail shutdown
zfskeys|6943b0ca|zfskeys|zpool|zfs zvol|
zpool|0e3bd8aa|zpool|hostid|zvol mountcritlocal|nojail
zpoolreguid|227caacc|zpoolreguid|zpool|mountcritlocal|firstboot nojail
zpoolupgrade|6e225b56|zpoolupgrade|zpool|mountcritlocal|firstboot nojail
zvol|023fc80e|zvol|zpool||nojail
jail|065edb73|jail|LOGIN FILESYSTEMS|securelevel|shutdown
"""#

    static let overrides14 = #"""
sysvipc|sysvipc|kldxref||nojail
linux|linux|kldxref zfs||nojail
kldxref|kldxref|root mountcritlocal|netif|nojail
kld|kld|kldxref|netif|nojail
zfs|zfs|zfsbe|FILESYSTEMS var|
mountd|mountd|NETWORKING rpcbind quota mountlate||nojail shutdown
zvol|zvol|zpool fsck||nojail
nuageinit|nuageinit|mountcritlocal zfs devmatch|NETWORKING|firstboot
"""#
}
