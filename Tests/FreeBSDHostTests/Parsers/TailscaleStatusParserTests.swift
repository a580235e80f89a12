import Testing
@testable import FreeBSDHost

@Suite struct TailscaleStatusParserTests {
    /// Shaped like `tailscale status --json` before login: `TailscaleIPs` is null
    /// (tailscale/tailscale issue #1680).
    static let needsLogin = """
    {
      "Version": "1.82.5-t0123456789-gabcdef012",
      "TUN": true,
      "BackendState": "NeedsLogin",
      "HaveNodeKey": false,
      "AuthURL": "",
      "TailscaleIPs": null,
      "Self": {
        "ID": "",
        "PublicKey": "nodekey:0000000000000000000000000000000000000000000000000000000000000000",
        "HostName": "vmtest",
        "DNSName": "",
        "OS": "freebsd",
        "UserID": 0,
        "TailscaleIPs": null,
        "Online": false,
        "Active": false
      },
      "Health": [
        "You are logged out."
      ],
      "MagicDNSSuffix": "",
      "CurrentTailnet": null,
      "CertDomains": null,
      "Peer": null,
      "User": null,
      "ClientVersion": null
    }
    """

    static let running = """
    {
      "Version": "1.82.5-t0123456789-gabcdef012",
      "TUN": true,
      "BackendState": "Running",
      "AuthURL": "",
      "TailscaleIPs": [
        "100.124.236.28",
        "fd7a:115c:a1e0::8f01:ec1c"
      ],
      "Self": {
        "ID": "n1a2b3c4CNTRL",
        "HostName": "vmtest",
        "DNSName": "vmtest.tail1234.ts.net.",
        "OS": "freebsd",
        "TailscaleIPs": ["100.124.236.28", "fd7a:115c:a1e0::8f01:ec1c"],
        "Online": true,
        "ExitNode": false
      },
      "Health": [],
      "MagicDNSSuffix": "tail1234.ts.net",
      "CurrentTailnet": {"Name": "example.org", "MagicDNSSuffix": "tail1234.ts.net", "MagicDNSEnabled": true},
      "CertDomains": ["vmtest.tail1234.ts.net"],
      "Peer": {
        "nodekey:1111111111111111111111111111111111111111111111111111111111111111": {
          "HostName": "laptop", "OS": "linux", "TailscaleIPs": ["100.101.102.103"], "Online": true
        }
      },
      "User": {"12345": {"ID": 12345, "LoginName": "operator@example.org", "DisplayName": "Operator"}},
      "ClientVersion": {"RunningLatest": true}
    }
    """

    @Test func beforeLoginThereAreNoAddresses() throws {
        let status = try TailscaleStatus.parse(Self.needsLogin)
        #expect(status.backendState == .needsLogin)
        #expect(status.tailscaleIPs.isEmpty)
        #expect(status.selfHostName == "vmtest")
        #expect(status.version == "1.82.5-t0123456789-gabcdef012")
    }

    @Test func runningHasItsAddresses() throws {
        let status = try TailscaleStatus.parse(Self.running)
        #expect(status.backendState == .running)
        #expect(status.tailscaleIPs == ["100.124.236.28", "fd7a:115c:a1e0::8f01:ec1c"])
        #expect(status.selfHostName == "vmtest")
    }

    @Test func absentOptionalFieldsAreEmpty() throws {
        let status = try TailscaleStatus.parse(#"{"BackendState": "Stopped"}"#)
        #expect(status == TailscaleStatus(backendState: .stopped))
    }

    @Test(arguments: ["NoState", "InUseOtherUser", "NeedsLogin", "NeedsMachineAuth", "Stopped", "Starting", "Running", "Rebooting"])
    func backendStatesRoundTripByName(name: String) throws {
        let state = try TailscaleStatus.parse(#"{"BackendState": "\#(name)", "TailscaleIPs": []}"#).backendState
        #expect(state.description == name)
        #expect((state == .other(name)) == (name == "Rebooting"))
    }

    @Test(arguments: [
        ("", "a JSON object"),
        ("{\"BackendState\": \"Running\"", "a JSON object"),
        ("[]", "a JSON object at the top level"),
        ("{\"TailscaleIPs\": []}", "a string \"BackendState\""),
        ("{\"BackendState\": 3}", "a string \"BackendState\""),
        ("{\"BackendState\": \"Running\", \"TailscaleIPs\": \"100.64.0.1\"}", "\"TailscaleIPs\" as a list of strings or null"),
    ])
    func rejectsMalformedJSON(output: String, expected: String) {
        let error = ParserFixture.parseError { _ = try TailscaleStatus.parse(output) }
        #expect(error?.expected == expected)
        #expect(error?.description.contains("tailscale status --json") == true)
    }

    /// The text form (without `--json`) is not JSON: reading it by mistake is an error, not a state.
    @Test(arguments: ["tailscale-status-stopped.derived.txt", "tailscale-status-logged-out.derived.txt", "tailscale-status-peer-line.txt"])
    func theTextFormIsRejected(fixture: String) throws {
        let text = try ParserFixture.text(fixture)
        let error = ParserFixture.parseError { _ = try TailscaleStatus.parse(text) }
        #expect(error?.expected == "a JSON object")
    }
}
