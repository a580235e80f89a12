/// The rc.d scripts the tool installs, embedded in the binary. The files in the repository's
/// `rc.d/` folder are the source of truth; a test fails when these copies differ from them.
/// Written by tools/embed-rc-scripts.
enum EmbeddedScripts {
    /// `/usr/local/etc/rc.d/pf_reload`: reloads pf once tailscale0 exists.
    static let pfReload = #"""
#!/bin/sh
#
# PROVIDE: pf_reload
# REQUIRE: NETWORKING tailscaled
# KEYWORD: nojailvnet
#
# Reloads /etc/pf.conf once tailscale0 exists. rc.d/pf loads the rules early in the boot,
# before tailscaled has created tailscale0, and pf never matches a rule to an interface that
# did not exist when the rules were loaded. tailscaled's own script returns before the
# interface is up, so this waits for it - at most pf_reload_timeout seconds - and then
# reloads the rules. When tailscaled is not enabled it reloads at once, which is harmless.
#
# NETWORKING keeps it after rc.d/pf when tailscaled is not installed: rcorder drops a
# requirement nobody provides, and with only that one this script would run first in the
# second pass, before pf (it would then find pf not enabled and do nothing).
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
	/sbin/ifconfig "$pf_reload_interface" >/dev/null 2>&1 && return 0
	# The console shows what holds the boot up, and for how long at most.
	echo "Waiting for $pf_reload_interface (at most $pf_reload_timeout s)."
	_waited=0
	while ! /sbin/ifconfig "$pf_reload_interface" >/dev/null 2>&1; do
		if [ "$_waited" -ge "$pf_reload_timeout" ]; then
			warn "$pf_reload_interface did not appear within $pf_reload_timeout s; reloading the rules anyway."
			return 0
		fi
		sleep 1
		_waited=$((_waited + 1))
	done
	echo "$pf_reload_interface appeared after $_waited s."
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
# REQUIRE: NETWORKING tailscaled pf_reload
# BEFORE: LOGIN
# KEYWORD: nojail
#
# The boot hook of clawdie-firstboot. At every boot it runs `clawdie-firstboot apply --boot`,
# which runs the phases listed in boot_phases of the configuration until the journal in
# /var/db/clawdie-firstboot says they are complete, and exits at once from then on. After
# boot_retry_limit failed boots it stops retrying, leaves the host as it is, and
# `service clawdie_firstboot status` (the tool's own status) says that an operator is needed.
#
# This does not depend on /firstboot: FreeBSD deletes that sentinel at the end of every
# first boot whatever its scripts returned, so a failed first boot would never be retried.
#
# The order is declared, not left to rcorder's sort: scripts that nothing orders get the
# same sequence number, and rcorder lists those in an order that changes with the set of
# installed scripts. The lockdown phase needs tailscaled started before wait-tailnet (and
# must not start a second one ahead of rc.d/tailscaled), and pf_reload may wait for
# tailscale0 first. Before the lockdown phase has installed tailscale, or the firstboot
# phase pf_reload, rcorder only warns that nobody provides them (/etc/rc discards the
# warning) and orders the hook after NETWORKING.
#
# Enable it in /etc/rc.conf:
#   clawdie_firstboot_enable="YES"
# and optionally:
#   clawdie_firstboot_config="/usr/local/etc/clawdie-firstboot.conf"
#	# always passed as --config when set, so a mistyped path stops the hook with
#	# "no such configuration file"; unset, the tool reads its default file if it exists
#   clawdie_firstboot_binary="/usr/local/sbin/clawdie-firstboot"
#
# Verbs: start (apply --boot; also onestart, faststart at boot), status (the tool's status),
# stop (nothing to stop), rcvar, enabled, describe.

. /etc/rc.subr

name="clawdie_firstboot"
rcvar="clawdie_firstboot_enable"
desc="Bring the host to its protected state and keep it there"

load_rc_config $name

: "${clawdie_firstboot_enable:=NO}"

# The former name of clawdie_firstboot_binary is rc.subr's reserved ${name}_program, which
# rc.subr takes as the service's command: status and start then look for a running
# clawdie-firstboot process and find the confirmation watcher. It is still honoured, with a
# warning, and unset before run_rc_command can see it.
if [ -n "${clawdie_firstboot_program}" ]; then
	warn "clawdie_firstboot_program is now clawdie_firstboot_binary; rename it in /etc/rc.conf."
	: "${clawdie_firstboot_binary:=${clawdie_firstboot_program}}"
	unset clawdie_firstboot_program
fi
: "${clawdie_firstboot_binary:=/usr/local/sbin/clawdie-firstboot}"

start_cmd="clawdie_firstboot_start"
stop_cmd=":"
status_cmd="clawdie_firstboot_status"

# Runs the tool with the configured file, if one is configured.
clawdie_firstboot_run()
{
	if [ -n "${clawdie_firstboot_config}" ]; then
		set -- --config "${clawdie_firstboot_config}" "$@"
	fi
	"${clawdie_firstboot_binary}" "$@"
}

clawdie_firstboot_start()
{
	clawdie_firstboot_run apply --boot
}

clawdie_firstboot_status()
{
	clawdie_firstboot_run status
}

run_rc_command "$1"

"""#
}
