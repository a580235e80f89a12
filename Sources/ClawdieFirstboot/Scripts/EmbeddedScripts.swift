/// The rc.d scripts the tool installs, embedded in the binary. The files in the repository's
/// `rc.d/` folder are the source of truth; a test fails when these copies differ from them.
/// Written by tools/embed-rc-scripts.
enum EmbeddedScripts {
    /// `/usr/local/etc/rc.d/pf_reload`: reloads pf once tailscale0 exists.
    static let pfReload = #"""
#!/bin/sh
#
# PROVIDE: pf_reload
# REQUIRE: tailscaled
# KEYWORD: nojailvnet
#
# Reloads /etc/pf.conf once tailscale0 exists. rc.d/pf loads the rules early in the boot,
# before tailscaled has created tailscale0, and pf never matches a rule to an interface that
# did not exist when the rules were loaded. tailscaled's own script returns before the
# interface is up, so this waits for it - at most pf_reload_timeout seconds - and then
# reloads the rules. When tailscaled is not enabled it reloads at once, which is harmless.
#
# Installed and enabled by clawdie-firstboot (step install-pf-reload) with:
#   pf_reload_enable="YES"
#   pf_reload_timeout="30"		# seconds to wait for the interface
# and optionally:
#   pf_reload_interface="tailscale0"

. /etc/rc.subr

name="pf_reload"
rcvar="pf_reload_enable"
desc="Reload pf rules once tailscale0 exists"

load_rc_config $name

: "${pf_reload_enable:=NO}"
: "${pf_reload_timeout:=30}"
: "${pf_reload_interface:=tailscale0}"
: "${pf_rules:=/etc/pf.conf}"

start_cmd="pf_reload_start"
stop_cmd=":"

pf_reload_wait()
{
	case "${tailscaled_enable:-NO}" in
	[Yy][Ee][Ss]|[Tt][Rr][Uu][Ee]|[Oo][Nn]|1) ;;
	*) return 0 ;;
	esac
	_waited=0
	while ! /sbin/ifconfig "$pf_reload_interface" >/dev/null 2>&1; do
		if [ "$_waited" -ge "$pf_reload_timeout" ]; then
			warn "$pf_reload_interface did not appear within $pf_reload_timeout s; reloading the rules anyway."
			return 0
		fi
		sleep 1
		_waited=$((_waited + 1))
	done
}

pf_reload_start()
{
	if ! /sbin/pfctl -s info 2>/dev/null | grep -q "Enabled"; then
		echo "pf is not enabled; nothing to reload."
		return 0
	fi
	pf_reload_wait
	if ! /sbin/pfctl -nf "$pf_rules"; then
		warn "$pf_rules does not pass pfctl -nf; the loaded rules stay."
		return 1
	fi
	/sbin/pfctl -f "$pf_rules" && echo "Reloaded pf rules."
}

run_rc_command "$1"

"""#

    /// `/usr/local/etc/rc.d/clawdie_firstboot`: the boot hook.
    static let clawdieFirstboot = #"""
#!/bin/sh
#
# PROVIDE: clawdie_firstboot
# REQUIRE: NETWORKING
# BEFORE: LOGIN
# KEYWORD: nojail
#
# The boot hook of clawdie-firstboot. At every boot it runs `clawdie-firstboot apply --boot`,
# which runs the phases listed in boot_phases of the configuration until the journal in
# /var/db/clawdie-firstboot says they are complete, and exits at once from then on. After
# boot_retry_limit failed boots it stops retrying, leaves the host as it is, and
# `clawdie-firstboot status` says that an operator is needed.
#
# This does not depend on /firstboot: FreeBSD deletes that sentinel at the end of every
# first boot whatever its scripts returned, so a failed first boot would never be retried.
#
# Enable it in /etc/rc.conf:
#   clawdie_firstboot_enable="YES"
# and optionally (when the file does not exist, the platform's defaults apply):
#   clawdie_firstboot_config="/usr/local/etc/clawdie-firstboot.conf"

. /etc/rc.subr

name="clawdie_firstboot"
rcvar="clawdie_firstboot_enable"
desc="Bring the host to its protected state and keep it there"

load_rc_config $name

: "${clawdie_firstboot_enable:=NO}"
: "${clawdie_firstboot_program:=/usr/local/bin/clawdie-firstboot}"
: "${clawdie_firstboot_config:=/usr/local/etc/clawdie-firstboot.conf}"

start_cmd="clawdie_firstboot_start"
stop_cmd=":"

clawdie_firstboot_start()
{
	# Without a configuration file the platform's defaults apply.
	if [ -e "$clawdie_firstboot_config" ]; then
		"$clawdie_firstboot_program" --config "$clawdie_firstboot_config" apply --boot
	else
		"$clawdie_firstboot_program" apply --boot
	fi
}

run_rc_command "$1"

"""#
}
