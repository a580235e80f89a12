import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// The profile's JSON form as the tool writes it (`HostProfile+JSON.swift` reads it): field names
// are snake_case.

extension HostProfile: Encodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case formatVersion = "format_version", hostname, freebsdVersion = "freebsd_version", interfaces
        case defaultRoute = "default_route", files, packages, servicesRunning = "services_running"
        case tailscale, transcripts, faults, rcorderTies = "rcorder_ties"
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
        try c.encode(transcripts.map(EncodedTranscript.init), forKey: .transcripts)
        try c.encode(faults.map(EncodedFault.init), forKey: .faults)
        if rcorderTies != .ascending { try c.encode(rcorderTies.rawValue, forKey: .rcorderTies) }
    }
}

extension ProfileInterface: Encodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, kind, inet, inet6, ether, up, members, description
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

extension ProfileFile: Encodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case content, contentBase64 = "content_base64", mode, owner
    }

    /// Checks a profile file's fields, with the profile's messages.
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

extension ProfileTailscale: Encodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case installed, daemonRunning = "daemon_running", backendState = "backend_state", addresses, login
        case routeApproval = "route_approval"
    }

    static let backendStates = ["NoState", "InUseOtherUser", "NeedsLogin", "NeedsMachineAuth", "Stopped", "Starting", "Running"]

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

private struct EncodedTranscript: Encodable {
    var transcript: ProfileTranscript
    enum CodingKeys: String, CodingKey, CaseIterable { case argv, stdout, stderr, exitStatus = "exit_status" }

    init(_ transcript: ProfileTranscript) { self.transcript = transcript }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(transcript.argv, forKey: .argv)
        try c.encode(transcript.stdout, forKey: .stdout)
        try c.encode(transcript.stderr, forKey: .stderr)
        try c.encode(transcript.exitStatus, forKey: .exitStatus)
    }
}

private struct EncodedFault: Encodable {
    var fault: ProfileFault
    enum CodingKeys: String, CodingKey, CaseIterable { case argv, exitStatus = "exit_status", stderr, times }

    init(_ fault: ProfileFault) { self.fault = fault }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fault.argv, forKey: .argv)
        try c.encode(fault.exitStatus, forKey: .exitStatus)
        try c.encode(fault.stderr, forKey: .stderr)
        try c.encodeIfPresent(fault.times, forKey: .times)
    }
}
