/// `clawdie-firstboot --help`. Keep it in step with docs/clawdie-firstboot.8.
enum HelpText {
    static let text = """
    usage: clawdie-firstboot [global options] COMMAND [options]

    Brings a FreeBSD host of the Clawdie-AI platform to its protected state - pf blocking by
    default, SSH rate-limited, the agent bridge with NAT - through journaled, resumable and
    reversible steps.

    Commands:
      plan [--phase P]... [--json]      show what apply would do; exit 0 nothing to do,
                                        2 changes pending, 1 error
      apply [--phase P]... [--json]     run or resume the steps; exit 0 done, 1 failed
      apply --phase lockdown [--confirm-within S]
                                        move SSH and VNC to the tailnet; with a window, the
                                        change is reverted unless confirmed within S seconds
      apply --boot                      what the rc.d hook runs: the boot_phases, until they
                                        are complete; stops after boot_retry_limit failed boots;
                                        reverts a lockdown whose confirmation deadline passed
      confirm                           keep a change that is waiting for confirmation
      status [--phase P]... [--json] [--wait [--timeout S]]
                                        one line saying where the host stands
      rollback [--to STEP | --phase P]  undo completed steps in reverse order
      facts [--output FILE]             write a host profile of this host
      simulate reboot                   reboot the simulated host (needs --host-profile)
      simulate probe --in IF --proto tcp|udp --port N [--from ADDR]
                                        print pass or block for a packet arriving on IF
      watch-confirmation                (internal) the detached process apply starts to
                                        revert an unconfirmed change at its deadline

    Global options (before or after the command):
      --config FILE        configuration (default /usr/local/etc/clawdie-firstboot.conf)
      --state-dir DIR      journal, backups and lock (default /var/db/clawdie-firstboot)
      --host-profile FILE  run against a simulated FreeBSD host described by FILE;
                           apply, rollback and simulate then need --state-dir
      --help, --version

    Phases: firstboot (detect-ext-if, create-bridge, write-pf-conf, install-pf-reload,
    enable-pf); lockdown (install-tailscale, enable-tailscaled, tailscale-up, wait-tailnet,
    lockdown-pf); vnet (enable-forwarding, create-jail-loopback, extra-bridges, jail-table,
    bastille-network).

    Exit status: 0 success, 1 failure (the message and the journal say where), 2 plan has
    changes pending, 64 bad command line.

    See clawdie-firstboot(8) and the docs/ folder.

    """
}
