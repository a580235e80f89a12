/// The command line of `tailscale up`, read the way Go's flag package reads it
/// (cmd/tailscale/cli/up.go): `-flag` or `--flag`, `--flag=value` or `--flag value` for
/// non-switches, `--switch` or `--switch=false`; the first word that is not a flag ends the
/// flags. The legacy `--authkey` is `--auth-key` (cli.go CleanUpArgs).
struct TailscaleUpArguments {
    enum Kind { case toggle, text, duration }

    /// Flags that are settings, with their default on FreeBSD. `tailscale up` with flags
    /// must mention every setting that is not at its default.
    static let settings: [String: (kind: Kind, defaultValue: String)] = [
        "accept-dns": (.toggle, "true"), "accept-routes": (.toggle, "false"),
        "advertise-connector": (.toggle, "false"), "advertise-exit-node": (.toggle, "false"),
        "advertise-routes": (.text, ""), "advertise-tags": (.text, ""), "exit-node": (.text, ""),
        "exit-node-allow-lan-access": (.toggle, "false"), "hostname": (.text, ""),
        "login-server": (.text, "https://controlplane.tailscale.com"), "operator": (.text, ""),
        "report-posture": (.toggle, "false"), "shields-up": (.toggle, "false"), "ssh": (.toggle, "false"),
    ]

    /// Flags that are not settings (up.go `preflessFlag`).
    static let others: [String: Kind] = [
        "auth-key": .text, "force-reauth": .toggle, "reset": .toggle, "qr": .toggle, "qr-format": .text,
        "json": .toggle, "timeout": .duration, "accept-risk": .text, "host-routes": .toggle,
        "client-id": .text, "audience": .text, "client-secret": .text, "id-token": .text,
    ]

    /// Every flag given, by name, in the order given; switches as `true`/`false`. Flags this
    /// model does not know are accepted (as `--x` or `--x=y`) and otherwise ignored.
    var given: [(name: String, value: String)] = []
    /// Words after the flags.
    var positional: [String] = []

    var authKey: String? { value(of: "auth-key") }
    var reset: Bool { value(of: "reset") == "true" }
    var forceReauth: Bool { value(of: "force-reauth") == "true" }
    var timeout: GoDuration? { value(of: "timeout").flatMap(GoDuration.init) }

    /// The settings given on this command line.
    var givenSettings: [String: String] {
        Dictionary(given.filter { Self.settings[$0.name] != nil }.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    func value(of name: String) -> String? {
        given.last { $0.name == name }?.value
    }

    static func kind(of name: String) -> Kind? {
        settings[name]?.kind ?? others[name]
    }

    /// Parses `args` (the words after `up`); a flag error is Go's message and exit status 2.
    static func parse(_ args: [String]) -> Result<TailscaleUpArguments, TailscaleCLIError> {
        var parsed = TailscaleUpArguments()
        var index = 0
        while index < args.count {
            let word = args[index]
            index += 1
            if word == "--" {
                parsed.positional = Array(args[index...])
                break
            }
            guard word.hasPrefix("-"), word.count > 1 else {
                parsed.positional = Array(args[(index - 1)...])
                break
            }
            var body = Substring(word.dropFirst(word.hasPrefix("--") ? 2 : 1))
            var inline: String?
            if let equals = body.firstIndex(of: "=") {
                inline = String(body[body.index(after: equals)...])
                body = body[..<equals]
            }
            var name = String(body)
            if name == "authkey" { name = "auth-key" }
            if name == "posture-checking" { name = "report-posture" }
            guard !name.isEmpty, !name.hasPrefix("-") else {
                return .failure(.usage("bad flag syntax: \(word)"))
            }
            var value: String
            switch kind(of: name) {
            case .toggle:
                guard let flag = Self.boolean(inline ?? "true") else {
                    return .failure(.usage("invalid boolean value \(goQuote(inline ?? "")) for -\(name): parse error"))
                }
                value = flag ? "true" : "false"
            case .text, .duration:
                if let inline {
                    value = inline
                } else {
                    guard index < args.count else { return .failure(.usage("flag needs an argument: -\(name)")) }
                    value = args[index]
                    index += 1
                }
                if kind(of: name) == .duration, GoDuration(value) == nil {
                    return .failure(.usage("invalid value \(goQuote(value)) for flag -\(name): parse error"))
                }
            case nil:
                value = inline ?? "true"
            }
            if kind(of: name) != nil, parsed.given.contains(where: { $0.name == name }) {
                return .failure(.usage("invalid value \(goQuote(value)) for flag -\(name): flag provided multiple times"))
            }
            parsed.given.append((name, value))
        }
        return .success(parsed)
    }

    /// strconv.ParseBool.
    static func boolean(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "true", "TRUE", "True": true
        case "0", "f", "F", "false", "FALSE", "False": false
        default: nil
        }
    }

    /// Go's `%q` for plain text: double quotes, backslash before `"` and `\`.
    static func goQuote(_ text: String) -> String {
        "\"" + text.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\"") + "\""
    }
}
