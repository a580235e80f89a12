/// `tailscale up`, following cmd/tailscale/cli/up.go: ask the daemon for its status, check
/// the flags against the settings in force, read the auth key, start the backend and wait
/// for it to be Running. The auth key's value never reaches any output or the state.
extension SimulatedState {
    static let accidentalUpPrefix = """
        Error: changing settings via 'tailscale up' requires mentioning all
        non-default flags. To proceed, either re-run your command with --reset or
        use the command below to explicitly mention the current value of
        all non-default settings:

        \ttailscale up
        """

    static let upTimeoutMessage = #"timeout waiting for Tailscale service to enter a Running state; check health with "tailscale status""#

    mutating func tailscaleUp(_ args: [String]) -> CommandOutput {
        let keys = Self.literalKeys(in: args)
        let arguments: TailscaleUpArguments
        switch TailscaleUpArguments.parse(args) {
        case .success(let parsed): arguments = parsed
        case .failure(let error): return Self.redacting(error.output, keys: keys)
        }
        var next = self
        let output: CommandOutput
        do {
            output = try next.up(arguments)
        } catch {
            // Like the real command, a failure before the backend started changes nothing.
            return Self.redacting(error.output, keys: keys)
        }
        self = next
        return Self.redacting(output, keys: keys)
    }

    /// Every value given to `--auth-key`/`--authkey` that is a key rather than `file:PATH`.
    static func literalKeys(in args: [String]) -> [String] {
        var keys: [String] = []
        for (index, word) in args.enumerated() {
            let body = word.drop { $0 == "-" }
            guard word.hasPrefix("-"), body.hasPrefix("auth-key") || body.hasPrefix("authkey") else { continue }
            let name = body.prefix { $0 != "=" }
            guard name == "auth-key" || name == "authkey" else { continue }
            let value = name.count < body.count ? String(body.dropFirst(name.count + 1)) : (index + 1 < args.count ? args[index + 1] : "")
            if !value.isEmpty && !value.hasPrefix("file:") { keys.append(value) }
        }
        return keys
    }

    private mutating func up(_ arguments: TailscaleUpArguments) throws(TailscaleCLIError) -> CommandOutput {
        if !arguments.positional.isEmpty {
            throw .failed("too many non-flag arguments: [" + arguments.positional.map(TailscaleUpArguments.goQuote).joined(separator: " ") + "]")
        }
        guard tailscale.daemonRunning else { throw tailscaledUnreachable(endpoint: "status") }
        if let name = arguments.value(of: "hostname"), !name.isEmpty, let problem = TailnetName.problem(with: name) {
            throw .failed(problem)
        }
        let wanted = arguments.givenSettings.filter { TailscaleUpArguments.settings[$0.key]?.defaultValue != $0.value }
        // A bare `tailscale up` on a node that logged in before just brings it back up,
        // whatever its settings.
        if arguments.given.isEmpty, tailscale.settings != nil, tailscale.hasNodeKey {
            return connect()
        }
        if !arguments.reset, let current = tailscale.settings {
            try checkForAccidentalReverts(arguments, current: current)
        }
        // Running and no new key: the settings are edited in place.
        if tailscale.backendState == "Running", arguments.authKey == nil, !arguments.forceReauth {
            tailscale.settings = wanted
            return CommandOutput()
        }
        let key = try arguments.authKey.map(readAuthKey) ?? ""
        tailscale.settings = wanted
        if tailscale.hasNodeKey && !arguments.forceReauth {
            return connect()
        }
        guard !key.isEmpty else {
            // Without a key tailscaled asks for an interactive login and `up` waits for it.
            tailscale.backendState = "NeedsLogin"
            refreshTailscaleInterface()
            var output = CommandOutput(stderr: "\nTo authenticate, visit:\n\n\thttps://login.tailscale.com/a/0000000000000\n\n", status: 1)
            output.err(Self.upTimeoutMessage)
            return output
        }
        switch tailscale.login {
        case .rejects:
            // The settings were applied before control refused the key; the node stays out.
            tailscale.backendState = "NeedsLogin"
            refreshTailscaleInterface()
            return TailscaleCLIError.failed("backend error: invalid key: API key does not exist").output
        case .accepts, .neverRunning:
            if tailscale.addresses.isEmpty { tailscale.addresses = TailscaleRuntime.defaultAddresses }
            return connect()
        }
    }

    /// The backend starts with a node key and comes up Running, or, on a tailnet that never
    /// lets it, stays Starting until `up` gives up after `--timeout`. Without `--timeout` (or
    /// with 0) a real `up` would wait for ever; a simulation must not hang, so it returns the
    /// timeout error at once whatever the timeout.
    private mutating func connect() -> CommandOutput {
        tailscale.backendState = tailscale.connectedState
        if tailscale.backendState == "Running" && tailscale.addresses.isEmpty {
            tailscale.addresses = TailscaleRuntime.defaultAddresses
        }
        refreshTailscaleInterface()
        guard tailscale.backendState == "Running" else {
            // The backend keeps trying after `up` gave up: the state change is kept.
            return CommandOutput(stderr: Self.upTimeoutMessage + "\n", status: 1)
        }
        return CommandOutput()
    }

    /// up.go `checkForAccidentalSettingReverts`: every setting in force that differs from its
    /// default must be mentioned again. The suggested command lists the flags given (sorted,
    /// as Go's FlagSet.Visit visits them), then the missing ones (sorted).
    private func checkForAccidentalReverts(_ arguments: TailscaleUpArguments, current: [String: String]) throws(TailscaleCLIError) {
        let mentioned = Set(arguments.given.map(\.name))
        let missing = current.filter { !mentioned.contains($0.key) && TailscaleUpArguments.settings[$0.key] != nil }
            .map { Self.flagArgument($0.key, $0.value) }.sorted()
        guard !missing.isEmpty else { return }
        let explicit = arguments.given.filter { TailscaleUpArguments.kind(of: $0.name) != nil }
            .sorted { $0.name < $1.name }
            .map { flag -> String in
                switch TailscaleUpArguments.kind(of: flag.name) {
                case .toggle: return flag.value == "false" ? "--\(flag.name)=false" : "--\(flag.name)"
                case .duration: return Self.flagArgument(flag.name, GoDuration(flag.value)?.description ?? flag.value)
                default: return Self.flagArgument(flag.name, flag.value)
                }
            }
        let suggestion = (explicit + missing).map { " " + $0 }.joined()
        throw .failed(Self.accidentalUpPrefix + suggestion + "\n\n")
    }

    /// up.go `fmtFlagValueArg`.
    static func flagArgument(_ name: String, _ value: String) -> String {
        if TailscaleUpArguments.kind(of: name) == .toggle {
            return value == "true" ? "--\(name)" : "--\(name)=false"
        }
        return value.isEmpty ? "--\(name)=" : "--\(name)=\(shellQuoted(value))"
    }

    /// go-shellquote's quoting of one word: backslashes before special characters, single
    /// quotes when the word holds white space.
    static func shellQuoted(_ word: String) -> String {
        let special = Set("\\'\"`${[|&;<>()*?!")
        if word.contains(where: { " \t\n".contains($0) }) {
            return "'" + word.replacingEvery("'", with: "'\\''") + "'"
        }
        var out = ""
        for (offset, character) in word.enumerated() {
            if special.contains(character) || (offset == 0 && character == "~") { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// up.go `resolveValueFromFile`: `file:PATH` is read and trimmed; anything else is the key.
    /// Errors are Go's `os.ReadFile` ones, naming the path only.
    private func readAuthKey(_ value: String) throws(TailscaleCLIError) -> String {
        guard value.hasPrefix("file:") else { return value }
        let path = String(value.dropFirst("file:".count))
        let normalized = path.hasPrefix("/") ? Self.normalize(path) : path
        if let contents = text(at: normalized) {
            return contents.trimmingWhitespaceAndNewlines()
        }
        if path.hasPrefix("/") && isDirectory(normalized) { throw .failed("read \(path): is a directory") }
        throw .failed("open \(path): no such file or directory")
    }

    /// Keys given on the command line are blotted out of everything the command prints, and
    /// so is anything shaped like a Tailscale key (tailscale scrubs `tskey-…` from its flag
    /// errors the same way).
    static func redacting(_ output: CommandOutput, keys: [String]) -> CommandOutput {
        var output = output
        output.stdout = blot(output.stdout, keys: keys)
        output.stderr = blot(output.stderr, keys: keys)
        return output
    }

    private static func blot(_ text: String, keys: [String]) -> String {
        var text = text
        for key in keys { text = text.replacingEvery(key, with: String(repeating: "X", count: key.count)) }
        var result = ""
        var rest = Substring(text)
        while let range = rest.firstRange(ofLiteral: "tskey-") {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let secret = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            result += String(repeating: "X", count: secret.count)
            rest = rest.dropFirst(secret.count)
        }
        return result + rest
    }
}
