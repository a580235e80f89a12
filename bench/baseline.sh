#!/bin/sh
# The file work of a fresh `clawdie-firstboot apply` (firstboot phase), done by a minimal POSIX sh
# script. It is the yardstick for the design's target "a fresh apply, with its durable journal, no
# slower than a minimal POSIX sh script doing the same file work". bench/run times it.
#
# usage: baseline.sh ROOT TEMPLATES EXT_IF
#   ROOT       a directory standing in for /; ROOT/etc/rc.conf must exist (the host's rc.conf)
#   TEMPLATES  a directory holding pf.conf.in (the generated pf.conf with the external interface
#              replaced by @EXT_IF@), pf-fallback.conf and pf_reload
#   EXT_IF     the external interface's name
#
# What it writes, in the order the tool does (journal record first, then the change):
#   ROOT/var/db/clawdie-firstboot/journal.jsonl  one JSON line per event the tool journals
#                                                (run started, step begun/done, each change,
#                                                run finished): 32 records
#   ROOT/etc/pf.conf                 rendered from pf.conf.in with sed, mode 0644
#   ROOT/usr/local/etc/rc.d/pf_reload                                     mode 0555
#   ROOT/etc/pf-fallback.conf                                             mode 0644
#   ROOT/etc/rc.conf                 10 keys, each set by rewriting the file with awk the way
#                                    sysrc(8) does (replace the key's line, or append it)
#
# Durability with BASELINE_SYNC=1 (the default):
#   - each journal record is appended with `dd oflag=append conv=notrunc,fsync`, so fsync(2) of
#     the journal returns before the script goes on; the state directory is fsynced once after
#     the journal is created;
#   - each file (and each rc.conf edit) is written to a temporary file in the target's
#     directory, fsynced (`dd conv=fsync` or coreutils `sync FILE`, which is fsync(2) of FILE),
#     renamed over the target with mv, and the directory is then fsynced (`sync DIR`).
# That is the same sequence of durable points as the tool's DurableFile writes on a real host.
# `dd oflag=append` and `sync FILE` are GNU coreutils (the benchmark runs on Linux).
# With BASELINE_SYNC=0 every fsync is left out (page cache only): for comparison, not a target.
#
# What it does not do: parse `route -n get default` (EXT_IF is given), check pf.conf with
# pfctl -nf, run or simulate any command (ifconfig, kldload, pfctl), hash files, back up old
# files (none exist on a fresh host), or take the run lock with flock (it writes the lock file).
set -eu

root=$1
templates=$2
ext_if=$3
sync_on=${BASELINE_SYNC:-1}

state=$root/var/db/clawdie-firstboot
journal=$state/journal.jsonl
rc_conf=$root/etc/rc.conf
seq=0
now=$(date +%s)

mkdir -p "$state" "$root/usr/local/etc/rc.d"

# fsync FILE-OR-DIRECTORY
fsync() {
	if [ "$sync_on" = 1 ]; then sync "$1"; fi
}

# record JSON-FIELDS: append one journal line and make it durable before going on.
record() {
	if [ "$sync_on" = 1 ]; then
		printf '{%s,"seq":%d,"time":%s,"v":1}\n' "$1" "$seq" "$now" |
			dd of="$journal" oflag=append conv=notrunc,fsync status=none
	else
		printf '{%s,"seq":%d,"time":%s,"v":1}\n' "$1" "$seq" "$now" >>"$journal"
	fi
	seq=$((seq + 1))
}

# install TMP TARGET MODE: TMP already holds the new bytes; make it durable and put it in place.
install_file() {
	chmod "$3" "$1"
	fsync "$1"
	mv -f "$1" "$2"
	fsync "${2%/*}"
}

# put_file SOURCE TARGET MODE
put_file() {
	tmp=${2%/*}/.${2##*/}.tmp.$$
	cat "$1" >"$tmp"
	install_file "$tmp" "$2" "$3"
}

# set_key KEY VALUE STEP: journal the change, then set KEY="VALUE" in rc.conf as sysrc does.
set_key() {
	record "\"change\":{\"after\":\"$2\",\"before\":{\"set\":false},\"file\":\"/etc/rc.conf\",\"key\":\"$1\",\"kind\":\"key\"},\"step\":\"$3\",\"type\":\"change-recorded\""
	tmp=$root/etc/.rc.conf.tmp.$$
	awk -v k="$1" -v v="$2" '
		index($0, k "=") == 1 { print k "=\"" v "\""; done = 1; next }
		{ print }
		END { if (!done) print k "=\"" v "\"" }' "$rc_conf" >"$tmp"
	install_file "$tmp" "$rc_conf" 0644
}

# command_change STEP ARGV-JSON UNDO-JSON: the tool journals each command it runs.
command_change() {
	record "\"change\":{\"argv\":$2,\"kind\":\"command\",\"undo\":$3},\"step\":\"$1\",\"type\":\"change-recorded\""
}

file_change() {
	record "\"change\":{\"before\":{\"exists\":false},\"kind\":\"file\",\"path\":\"$2\"},\"step\":\"$1\",\"type\":\"change-recorded\""
}

begun() { record "\"step\":\"$1\",\"type\":\"step-begun\""; }
done_step() { record "\"changes\":$2,\"step\":\"$1\",\"type\":\"step-done\""; }

if [ "$sync_on" = 1 ]; then
	printf '%s\n' $$ | dd of="$state/lock" conv=fsync status=none
else
	printf '%s\n' $$ >"$state/lock"
fi
record '"command":"apply","phases":["firstboot"],"tool_version":"sh","type":"run-started"'
fsync "$state"

done_step detect-ext-if 0

begun create-bridge
set_key ifconfig_bridge0_name warden0 create-bridge
set_key cloned_interfaces bridge0 create-bridge
set_key ifconfig_warden0 "inet 192.168.100.1/24 up" create-bridge
command_change create-bridge '["/sbin/ifconfig","bridge0","create"]' '{"argv":["/sbin/ifconfig","bridge0","destroy"]}'
command_change create-bridge '["/sbin/ifconfig","bridge0","name","warden0"]' '{"argv":["/sbin/ifconfig","warden0","name","bridge0"]}'
command_change create-bridge '["/sbin/ifconfig","warden0","inet","192.168.100.1/24","up"]' '{"argv":["/sbin/ifconfig","warden0","inet","192.168.100.1","-alias"]}'
done_step create-bridge 6

begun write-pf-conf
file_change write-pf-conf /etc/pf.conf
tmp=$root/etc/.pf.conf.tmp.$$
sed "s/@EXT_IF@/$ext_if/g" "$templates/pf.conf.in" >"$tmp"
install_file "$tmp" "$root/etc/pf.conf" 0644
done_step write-pf-conf 1

begun install-pf-reload
file_change install-pf-reload /usr/local/etc/rc.d/pf_reload
put_file "$templates/pf_reload" "$root/usr/local/etc/rc.d/pf_reload" 0555
set_key pf_reload_enable YES install-pf-reload
set_key pf_reload_timeout 30 install-pf-reload
done_step install-pf-reload 3

begun enable-pf
file_change enable-pf /etc/pf-fallback.conf
put_file "$templates/pf-fallback.conf" "$root/etc/pf-fallback.conf" 0644
set_key pf_enable YES enable-pf
set_key pf_rules /etc/pf.conf enable-pf
set_key pf_fallback_rules_enable YES enable-pf
set_key pf_fallback_rules_file /etc/pf-fallback.conf enable-pf
set_key pf_fallback_rules "block drop in quick proto tcp from any to any port != 22 flags S/SA" enable-pf
command_change enable-pf '["/sbin/kldload","pf"]' '{"argv":["/sbin/kldunload","pf"]}'
command_change enable-pf '["/sbin/pfctl","-f","/etc/pf.conf"]' '{"nothing":true}'
command_change enable-pf '["/sbin/pfctl","-e"]' '{"argv":["/sbin/pfctl","-d"]}'
done_step enable-pf 9

record '"succeeded":true,"type":"run-finished"'
