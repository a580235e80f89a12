import FirstbootEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// The readers of a host profile, over the project's JSON parser (which refuses a key given
// twice): every object refuses members it does not know, and each field is checked with a
// message naming it by its path.

extension HostProfile {
    static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    init(json c: ProfileFields) throws(ProfileFieldError) {
        try c.refuseOthers(than: Self.jsonKeys)
        formatVersion = try c.int(CodingKeys.formatVersion.rawValue)
        guard formatVersion <= HostProfile.currentFormatVersion, formatVersion >= 1 else {
            throw ProfileFieldError(
                field: "format_version",
                message: "version \(formatVersion) is not supported (this binary reads version \(HostProfile.currentFormatVersion)); use a newer clawdie-firstboot")
        }
        hostname = try c.string(CodingKeys.hostname.rawValue)
        freebsdVersion = try c.string(CodingKeys.freebsdVersion.rawValue)
        interfaces = try c.optionalObjectList(CodingKeys.interfaces.rawValue) { i throws(ProfileFieldError) in try ProfileInterface(json: i) } ?? []
        defaultRoute = try c.optionalObject(CodingKeys.defaultRoute.rawValue).map { r throws(ProfileFieldError) in try ProfileRoute(profileJSON: r) }
        files = try c.optionalMap(CodingKeys.files.rawValue) { value, at throws(ProfileFieldError) in
            try ProfileFile(profileJSON: ProfileFields(value, path: at()))
        } ?? [:]
        packages = try c.optionalMap(CodingKeys.packages.rawValue, ProfileFields.string) ?? [:]
        servicesRunning = try c.optionalStrings(CodingKeys.servicesRunning.rawValue) ?? []
        tailscale = try c.optionalObject(CodingKeys.tailscale.rawValue).map { t throws(ProfileFieldError) in try ProfileTailscale(json: t) } ?? ProfileTailscale()
        transcripts = try Self.transcripts(c)
        faults = try Self.faults(c)
        if let ties = try c.optionalString(CodingKeys.rcorderTies.rawValue) {
            guard let order = RCOrder.TieOrder(rawValue: ties) else { throw Self.badTieOrder(ties) }
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

    static func badTieOrder(_ value: String) -> ProfileFieldError {
        ProfileFieldError(field: "rcorder_ties", message: "\"\(value)\" is not ascending or descending")
    }

    static func transcripts(_ c: ProfileFields) throws(ProfileFieldError) -> [ProfileTranscript] {
        try c.optionalObjectList(CodingKeys.transcripts.rawValue) { t throws(ProfileFieldError) in try ProfileTranscript(profileJSON: t) } ?? []
    }

    static func faults(_ c: ProfileFields) throws(ProfileFieldError) -> [ProfileFault] {
        try c.optionalObjectList(CodingKeys.faults.rawValue) { f throws(ProfileFieldError) in try ProfileFault(profileJSON: f) } ?? []
    }
}

extension ProfileInterface {
    static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    init(json c: ProfileFields) throws(ProfileFieldError) {
        try c.refuseOthers(than: Self.jsonKeys)
        name = try c.string(CodingKeys.name.rawValue)
        let kindText = try c.optionalString(CodingKeys.kind.rawValue) ?? "physical"
        guard let kind = InterfaceKind(rawValue: kindText) else {
            throw ProfileFieldError(
                field: ProfileFieldError.fieldPath(c.path(CodingKeys.kind.rawValue)),
                message: "unknown kind `\(kindText)`; use one of \(InterfaceKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.kind = kind
        inet = try c.optionalStrings(CodingKeys.inet.rawValue) ?? []
        for (index, address) in inet.enumerated() where IPv4Network(address) == nil || !address.contains("/") {
            throw ProfileFieldError(
                field: ProfileFieldError.fieldPath(c.path(CodingKeys.inet.rawValue) + [AnyCodingKey(intValue: index)!]),
                message: "`\(address)` is not an IPv4 address in CIDR form such as 10.0.2.15/24")
        }
        inet6 = try c.optionalStrings(CodingKeys.inet6.rawValue) ?? []
        ether = try c.optionalString(CodingKeys.ether.rawValue)
        up = try c.optionalBool(CodingKeys.up.rawValue) ?? true
        members = try c.optionalStrings(CodingKeys.members.rawValue) ?? []
        description = try c.optionalString(CodingKeys.description.rawValue)
        guard InterfaceName.isValid(name) else {
            throw ProfileFieldError(
                field: ProfileFieldError.fieldPath(c.path(CodingKeys.name.rawValue)),
                message: "`\(name)` is not a FreeBSD interface name (letters and digits, at most 15 characters)")
        }
    }
}

extension ProfileRoute {
    /// A profile's `default_route`: unknown members refused and the gateway checked.
    init(profileJSON c: ProfileFields) throws(ProfileFieldError) {
        try c.refuseOthers(than: Self.profileKeys)
        self.init(gateway: try c.string("gateway"), interface: try c.string("interface"))
        guard IPv4Address(gateway) != nil else {
            throw ProfileFieldError(field: ProfileFieldError.fieldPath(c.path("gateway")), message: "`\(gateway)` is not an IPv4 address")
        }
    }

    private static let profileKeys: Set<String> = ["gateway", "interface"]
}

extension ProfileFile {
    /// A profile's file, with the profile's messages (`ProfileFile(json:)` reads the
    /// simulated state's form of it).
    init(profileJSON c: ProfileFields) throws(ProfileFieldError) {
        try c.refuseOthers(than: Self.profileKeys)
        let field = { (key: CodingKeys) in ProfileFieldError.fieldPath(c.path(key.rawValue)) }
        try self.init(content: try c.optionalString(CodingKeys.content.rawValue),
                      contentBase64: try c.optionalString(CodingKeys.contentBase64.rawValue),
                      mode: try c.optionalString(CodingKeys.mode.rawValue),
                      owner: try c.optionalString(CodingKeys.owner.rawValue),
                      path: ProfileFieldError.fieldPath(c.path), field: field)
    }

    private static let profileKeys = Set(CodingKeys.allCases.map(\.rawValue))
}

extension ProfileTailscale {
    static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    init(json c: ProfileFields) throws(ProfileFieldError) {
        try c.refuseOthers(than: Self.jsonKeys)
        installed = try c.optionalBool(CodingKeys.installed.rawValue) ?? false
        daemonRunning = try c.optionalBool(CodingKeys.daemonRunning.rawValue) ?? false
        backendState = try c.optionalString(CodingKeys.backendState.rawValue) ?? "NoState"
        addresses = try c.optionalStrings(CodingKeys.addresses.rawValue) ?? []
        let loginText = try c.optionalString(CodingKeys.login.rawValue) ?? TailscaleLogin.accepts.rawValue
        guard let login = TailscaleLogin(rawValue: loginText) else {
            throw ProfileFieldError(
                field: ProfileFieldError.fieldPath(c.path(CodingKeys.login.rawValue)),
                message: "`\(loginText)` is not one of \(TailscaleLogin.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.login = login
        let approvalText = try c.optionalString(CodingKeys.routeApproval.rawValue) ?? TailscaleRouteApproval.approved.rawValue
        guard let approval = TailscaleRouteApproval(rawValue: approvalText) else {
            throw ProfileFieldError(
                field: ProfileFieldError.fieldPath(c.path(CodingKeys.routeApproval.rawValue)),
                message: "`\(approvalText)` is not one of \(TailscaleRouteApproval.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        routeApproval = approval
        guard Self.backendStates.contains(backendState) else {
            throw ProfileFieldError(
                field: ProfileFieldError.fieldPath(c.path(CodingKeys.backendState.rawValue)),
                message: "`\(backendState)` is not one of \(Self.backendStates.joined(separator: ", "))")
        }
        if daemonRunning && !installed {
            throw ProfileFieldError(
                field: ProfileFieldError.fieldPath(c.path(CodingKeys.daemonRunning.rawValue)),
                message: "the daemon cannot run when Tailscale is not installed")
        }
    }
}

extension ProfileTranscript {
    /// A profile's transcript: `exit_status` 0, `stdout` and `stderr` empty unless given.
    init(profileJSON c: ProfileFields) throws(ProfileFieldError) {
        try c.refuseOthers(than: Self.profileKeys)
        self.init(
            argv: try c.strings("argv"),
            stdout: try c.optionalString("stdout") ?? "",
            stderr: try c.optionalString("stderr") ?? "",
            exitStatus: try c.optionalInt32("exit_status") ?? 0)
    }

    private static let profileKeys: Set<String> = ["argv", "stdout", "stderr", "exit_status"]
}

extension ProfileFault {
    /// A profile's fault: `exit_status` 1 and `stderr` empty unless given; `times` unlimited.
    init(profileJSON c: ProfileFields) throws(ProfileFieldError) {
        try c.refuseOthers(than: Self.profileKeys)
        self.init(
            argv: try c.strings("argv"),
            exitStatus: try c.optionalInt32("exit_status") ?? 1,
            stderr: try c.optionalString("stderr") ?? "",
            times: try c.optionalInt("times"))
    }

    private static let profileKeys: Set<String> = ["argv", "exit_status", "stderr", "times"]
}
