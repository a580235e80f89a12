import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// JSON field names are snake_case; every object refuses fields it does not know.

extension HostProfile: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case formatVersion = "format_version", hostname, freebsdVersion = "freebsd_version", interfaces
        case defaultRoute = "default_route", files, packages, servicesRunning = "services_running"
        case tailscale, transcripts, faults, rcorderTies = "rcorder_ties"
    }

    package init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        guard formatVersion <= HostProfile.currentFormatVersion, formatVersion >= 1 else {
            throw ProfileFieldError(
                field: "format_version",
                message: "version \(formatVersion) is not supported (this binary reads version \(HostProfile.currentFormatVersion)); use a newer clawdie-firstboot")
        }
        hostname = try c.decode(String.self, forKey: .hostname)
        freebsdVersion = try c.decode(String.self, forKey: .freebsdVersion)
        interfaces = try c.decodeIfPresent([ProfileInterface].self, forKey: .interfaces) ?? []
        defaultRoute = try c.decodeIfPresent(StrictRoute.self, forKey: .defaultRoute)?.route
        files = try c.decodeIfPresent([String: ProfileFile].self, forKey: .files) ?? [:]
        packages = try c.decodeIfPresent([String: String].self, forKey: .packages) ?? [:]
        servicesRunning = try c.decodeIfPresent([String].self, forKey: .servicesRunning) ?? []
        tailscale = try c.decodeIfPresent(ProfileTailscale.self, forKey: .tailscale) ?? ProfileTailscale()
        transcripts = try c.decodeIfPresent([StrictTranscript].self, forKey: .transcripts)?.map(\.transcript) ?? []
        faults = try c.decodeIfPresent([StrictFault].self, forKey: .faults)?.map(\.fault) ?? []
        if let ties = try c.decodeIfPresent(String.self, forKey: .rcorderTies) {
            guard let order = RCOrder.TieOrder(rawValue: ties) else { throw HostProfile.badTieOrder(ties) }
            rcorderTies = order
        }
        for path in files.keys where !path.hasPrefix("/") || path.hasSuffix("/") || path.contains("//") {
            throw ProfileFieldError(field: "files[\"\(path)\"]", message: "a file path must be absolute and name a file")
        }
        for (index, item) in transcripts.enumerated() where item.argv.isEmpty {
            throw ProfileFieldError(field: "transcripts[\(index)].argv", message: "needs at least the program")
        }
        for (index, item) in faults.enumerated() where item.argv.isEmpty || (item.times ?? 1) < 1 {
            throw ProfileFieldError(field: "faults[\(index)]", message: "needs a non-empty argv and, if given, times of 1 or more")
        }
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(hostname, forKey: .hostname)
        try c.encode(freebsdVersion, forKey: .freebsdVersion)
        try c.encode(interfaces, forKey: .interfaces)
        try c.encodeIfPresent(defaultRoute, forKey: .defaultRoute)
        try c.encode(files, forKey: .files)
        try c.encode(packages, forKey: .packages)
        try c.encode(servicesRunning, forKey: .servicesRunning)
        try c.encode(tailscale, forKey: .tailscale)
        try c.encode(transcripts.map(StrictTranscript.init), forKey: .transcripts)
        try c.encode(faults.map(StrictFault.init), forKey: .faults)
        if rcorderTies != .ascending { try c.encode(rcorderTies.rawValue, forKey: .rcorderTies) }
    }
}

extension ProfileInterface: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, kind, inet, inet6, ether, up, members, description
    }

    package init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        let kindText = try c.decodeIfPresent(String.self, forKey: .kind) ?? "physical"
        guard let kind = InterfaceKind(rawValue: kindText) else {
            throw ProfileFieldError(
                field: StrictKeys.fieldPath(decoder.codingPath + [CodingKeys.kind]),
                message: "unknown kind `\(kindText)`; use one of \(InterfaceKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.kind = kind
        inet = try c.decodeIfPresent([String].self, forKey: .inet) ?? []
        for (index, address) in inet.enumerated() where IPv4Network(address) == nil || !address.contains("/") {
            throw ProfileFieldError(
                field: StrictKeys.fieldPath(decoder.codingPath + [CodingKeys.inet, AnyCodingKey(intValue: index)!]),
                message: "`\(address)` is not an IPv4 address in CIDR form such as 10.0.2.15/24")
        }
        inet6 = try c.decodeIfPresent([String].self, forKey: .inet6) ?? []
        ether = try c.decodeIfPresent(String.self, forKey: .ether)
        up = try c.decodeIfPresent(Bool.self, forKey: .up) ?? true
        members = try c.decodeIfPresent([String].self, forKey: .members) ?? []
        description = try c.decodeIfPresent(String.self, forKey: .description)
        guard InterfaceName.isValid(name) else {
            throw ProfileFieldError(
                field: StrictKeys.fieldPath(decoder.codingPath + [CodingKeys.name]),
                message: "`\(name)` is not a FreeBSD interface name (letters and digits, at most 15 characters)")
        }
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind.rawValue, forKey: .kind)
        try c.encode(inet, forKey: .inet)
        if !inet6.isEmpty { try c.encode(inet6, forKey: .inet6) }
        try c.encodeIfPresent(ether, forKey: .ether)
        try c.encode(up, forKey: .up)
        if !members.isEmpty { try c.encode(members, forKey: .members) }
        try c.encodeIfPresent(description, forKey: .description)
    }
}

/// `default_route` with strict keys.
private struct StrictRoute: Decodable {
    var route: ProfileRoute
    init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: ["gateway", "interface"])
        route = try ProfileRoute(from: decoder)
        guard IPv4Address(route.gateway) != nil else {
            throw ProfileFieldError(
                field: StrictKeys.fieldPath(decoder.codingPath + [AnyCodingKey(stringValue: "gateway")]),
                message: "`\(route.gateway)` is not an IPv4 address")
        }
    }
}

extension ProfileFile: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case content, contentBase64 = "content_base64", mode, owner
    }

    package init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let field = { (key: CodingKeys) in StrictKeys.fieldPath(decoder.codingPath + [key]) }
        try self.init(content: try c.decodeIfPresent(String.self, forKey: .content),
                      contentBase64: try c.decodeIfPresent(String.self, forKey: .contentBase64),
                      mode: try c.decodeIfPresent(String.self, forKey: .mode),
                      owner: try c.decodeIfPresent(String.self, forKey: .owner),
                      path: StrictKeys.fieldPath(decoder.codingPath), field: field)
    }

    /// Checks a profile file's fields, as every reader of profiles does, with the same messages.
    init(content: String?, contentBase64: String?, mode modeText: String?, owner ownerText: String?, path: String,
         field: (CodingKeys) -> String) throws(ProfileFieldError) {
        switch (content, contentBase64) {
        case (let text?, nil):
            contents = Data(text.utf8)
        case (nil, let base64?):
            guard let data = Data(base64Encoded: base64) else {
                throw ProfileFieldError(field: field(.contentBase64), message: "is not valid base64")
            }
            contents = data
        case (nil, nil):
            throw ProfileFieldError(field: path, message: "needs `content` or `content_base64`")
        case (.some, .some):
            throw ProfileFieldError(field: path, message: "give `content` or `content_base64`, not both")
        }
        let modeText = modeText ?? "0644"
        guard let mode = Self.mode(modeText) else {
            throw ProfileFieldError(field: field(.mode), message: "`\(modeText)` is not an octal mode such as \"0644\"")
        }
        self.mode = mode
        let ownerText = ownerText ?? "root:wheel"
        guard let owner = FileOwnerNames.parse(ownerText) else {
            throw ProfileFieldError(field: field(.owner), message: "`\(ownerText)` is not user:group (names FreeBSD's base system knows, or numbers)")
        }
        self.owner = owner
    }

    /// An octal permission mode such as `0644` (at most `7777`).
    static func mode(_ text: String) -> FileMode? {
        guard let mode = FileMode(text, radix: 8), mode <= 0o7777, !text.isEmpty else { return nil }
        return mode
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let text = String(data: contents, encoding: .utf8) {
            try c.encode(text, forKey: .content)
        } else {
            try c.encode(contents.base64EncodedString(), forKey: .contentBase64)
        }
        try c.encode(octal(mode), forKey: .mode)
        try c.encode(FileOwnerNames.format(owner), forKey: .owner)
    }
}

extension ProfileTailscale: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case installed, daemonRunning = "daemon_running", backendState = "backend_state", addresses, login
        case routeApproval = "route_approval"
    }

    static let backendStates = ["NoState", "InUseOtherUser", "NeedsLogin", "NeedsMachineAuth", "Stopped", "Starting", "Running"]

    package init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        installed = try c.decodeIfPresent(Bool.self, forKey: .installed) ?? false
        daemonRunning = try c.decodeIfPresent(Bool.self, forKey: .daemonRunning) ?? false
        backendState = try c.decodeIfPresent(String.self, forKey: .backendState) ?? "NoState"
        addresses = try c.decodeIfPresent([String].self, forKey: .addresses) ?? []
        let loginText = try c.decodeIfPresent(String.self, forKey: .login) ?? TailscaleLogin.accepts.rawValue
        guard let login = TailscaleLogin(rawValue: loginText) else {
            throw ProfileFieldError(
                field: StrictKeys.fieldPath(decoder.codingPath + [CodingKeys.login]),
                message: "`\(loginText)` is not one of \(TailscaleLogin.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.login = login
        let approvalText = try c.decodeIfPresent(String.self, forKey: .routeApproval) ?? TailscaleRouteApproval.approved.rawValue
        guard let approval = TailscaleRouteApproval(rawValue: approvalText) else {
            throw ProfileFieldError(
                field: StrictKeys.fieldPath(decoder.codingPath + [CodingKeys.routeApproval]),
                message: "`\(approvalText)` is not one of \(TailscaleRouteApproval.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        routeApproval = approval
        guard Self.backendStates.contains(backendState) else {
            throw ProfileFieldError(
                field: StrictKeys.fieldPath(decoder.codingPath + [CodingKeys.backendState]),
                message: "`\(backendState)` is not one of \(Self.backendStates.joined(separator: ", "))")
        }
        if daemonRunning && !installed {
            throw ProfileFieldError(
                field: StrictKeys.fieldPath(decoder.codingPath + [CodingKeys.daemonRunning]),
                message: "the daemon cannot run when Tailscale is not installed")
        }
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(installed, forKey: .installed)
        try c.encode(daemonRunning, forKey: .daemonRunning)
        try c.encode(backendState, forKey: .backendState)
        try c.encode(addresses, forKey: .addresses)
        // Only a simulated tailnet has a login behaviour; a recorded host's profile leaves it out.
        if login != .accepts { try c.encode(login.rawValue, forKey: .login) }
        if routeApproval != .approved { try c.encode(routeApproval.rawValue, forKey: .routeApproval) }
    }
}

/// The transcripts and faults of a profile, decoded alone: what a simulated host restored from
/// its state directory still reads from the profile (the rest was checked when the state was made).
struct ProfileScripts {
    var transcripts: [ProfileTranscript]
    var faults: [ProfileFault]

    init(transcripts: [ProfileTranscript], faults: [ProfileFault]) {
        self.transcripts = transcripts
        self.faults = faults
    }

    /// Decodes them from profile JSON; `path` only names the source in errors.
    static func decode(_ data: Data, path: String) throws -> ProfileScripts {
        do {
            let profile = try ProfileFields(HostProfile.parseJSON(data), path: [])
            return ProfileScripts(transcripts: try HostProfile.transcripts(profile), faults: try HostProfile.faults(profile))
        } catch {
            // The bytes decoded as a whole profile before; report as a full decode would.
            _ = try HostProfile.decode(data, path: path)
            throw HostError("host profile \(path): \(error)")
        }
    }
}

private struct StrictTranscript: Codable {
    var transcript: ProfileTranscript
    enum CodingKeys: String, CodingKey, CaseIterable { case argv, stdout, stderr, exitStatus = "exit_status" }

    init(_ transcript: ProfileTranscript) { self.transcript = transcript }

    init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        transcript = ProfileTranscript(
            argv: try c.decode([String].self, forKey: .argv),
            stdout: try c.decodeIfPresent(String.self, forKey: .stdout) ?? "",
            stderr: try c.decodeIfPresent(String.self, forKey: .stderr) ?? "",
            exitStatus: try c.decodeIfPresent(Int32.self, forKey: .exitStatus) ?? 0)
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(transcript.argv, forKey: .argv)
        try c.encode(transcript.stdout, forKey: .stdout)
        try c.encode(transcript.stderr, forKey: .stderr)
        try c.encode(transcript.exitStatus, forKey: .exitStatus)
    }
}

private struct StrictFault: Codable {
    var fault: ProfileFault
    enum CodingKeys: String, CodingKey, CaseIterable { case argv, exitStatus = "exit_status", stderr, times }

    init(_ fault: ProfileFault) { self.fault = fault }

    init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fault = ProfileFault(
            argv: try c.decode([String].self, forKey: .argv),
            exitStatus: try c.decodeIfPresent(Int32.self, forKey: .exitStatus) ?? 1,
            stderr: try c.decodeIfPresent(String.self, forKey: .stderr) ?? "",
            times: try c.decodeIfPresent(Int.self, forKey: .times))
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fault.argv, forKey: .argv)
        try c.encode(fault.exitStatus, forKey: .exitStatus)
        try c.encode(fault.stderr, forKey: .stderr)
        try c.encodeIfPresent(fault.times, forKey: .times)
    }
}
