/// pf.conf texts shared by the pf tests.
enum PFSampleRulesets {
    /// The firstboot ruleset in the form the tool renders it.
    static let firstboot = """
    # Macros
    ext_if = "vtnet0"
    bridge_if = "warden0"
    nat_net = "192.168.0.0/16"
    tcp_public = "{ 80 443 }"
    icmp_types = "{ echoreq, unreach }"
    icmp6_types = "{ unreach toobig timex paramprob echoreq echorep routersol routeradv neighbrsol neighbradv }"
    # Tables
    table <bruteforce> persist
    # Options
    set skip on lo0
    set block-policy drop
    # Normalization
    scrub in all fragment reassemble
    # Translation
    nat on $ext_if inet from $nat_net to any -> ($ext_if)
    # Filtering
    block all
    block quick from <bruteforce>
    pass out all keep state
    pass in on $ext_if inet proto tcp from any to ($ext_if) port 22 flags S/SA keep state (max-src-conn 5, max-src-conn-rate 3/60, overload <bruteforce> flush global)
    pass in on $ext_if proto tcp from any to any port $tcp_public keep state
    pass inet proto icmp icmp-type $icmp_types keep state
    pass inet6 proto icmp6 icmp6-type $icmp6_types keep state
    pass on $bridge_if from $nat_net to any keep state
    # pass in on tailscale0 proto tcp to port { 22 5900 } keep state

    """

    /// The lockdown ruleset: management only over tailscale0, WireGuard open outside.
    static let lockdown = """
    ext_if = "vtnet0"
    table <bruteforce> persist
    set skip on lo0
    block all
    block quick from <bruteforce>
    pass out all keep state
    pass in on $ext_if proto udp from any to any port 41641 keep state
    pass in on tailscale0 proto tcp to port { 22 5900 } keep state

    """
}
