import FirstbootEngine

/// `tailscale-up`: joins the tailnet with the auth key read by Tailscale itself from a
/// root-only file (`--auth-key=file:PATH`), so the key is never in an argv, a log, the
/// journal or a plan. A node already `Running` under the same name is left alone.
struct TailscaleUp: Step {
    let id = StepID.tailscaleUp
    let phase = Phase.lockdown
    var requires: [StepID] { [.enableTailscaled] }
    var settings: Settings

    func changes(in context: StepContext) throws -> [Change] {
        let facts = TailscaleFacts(host: context.host)
        let hostname = try facts.hostname(settings)
        if let status = try facts.status(), status.backendState == .running, status.selfHostName == hostname {
            return []
        }
        try checkKeyFile(context.host)
        var argv = [FreeBSDPaths.tailscale, "up", "--auth-key=file:\(settings.tailscaleAuthKeyFile)",
                    "--hostname=\(hostname)", "--timeout=\(settings.tailnetWait)s"]
        // `up` refuses unless every setting in force is given again: the subnet routes the
        // node advertises (the subnet phase's) are named so that they stay.
        if let routes = try facts.prefs()?.subnetRoutes, !routes.isEmpty {
            argv.append("--advertise-routes=" + routes.joined(separator: ","))
        }
        return [.run(argv: argv, undo: .command([FreeBSDPaths.tailscale, "logout"]))]
    }

    func summary(in context: StepContext) throws -> String? {
        "node \(try TailscaleFacts(host: context.host).hostname(settings)), auth key from \(settings.tailscaleAuthKeyFile)"
    }

    /// The key file must exist, belong to root, and be readable by nobody else; and no
    /// directory on its path may be writable by anyone but root, or someone could swap the
    /// file (or a directory above it) after this check and before tailscale opens it.
    private func checkKeyFile(_ host: any TargetHost) throws {
        let path = settings.tailscaleAuthKeyFile
        try checkKeyFileDirectories(host, path)
        guard let status = try host.stat(path) else {
            throw StepRefusal("the Tailscale auth key file \(path) does not exist; write the key there (install -m 0600 -o root /dev/null \(path), then put the key in it) or set tailscale_auth_key_file")
        }
        guard status.kind == .regular else {
            throw StepRefusal("the Tailscale auth key file \(path) is a \(status.kind.rawValue), not a regular file")
        }
        guard status.owner.uid == 0, status.mode & 0o077 == 0 else {
            throw StepRefusal("the Tailscale auth key file \(path) must be owned by root and readable by root only; it is owner \(status.owner.uid) mode \(octal(status.mode)) — run chown root:wheel \(path); chmod 600 \(path)")
        }
    }

    /// Each directory from `/` down to the key file's: a directory, owned by root, writable
    /// by no one else (a sticky one such as /tmp still lets others plant names, so it counts).
    private func checkKeyFileDirectories(_ host: any TargetHost, _ path: String) throws {
        var directory = ""
        for component in path.split(separator: "/").dropLast() {
            directory += "/" + component
            guard let status = try host.stat(directory) else { continue }
            if status.kind == .symlink {
                throw StepRefusal("the Tailscale auth key file \(path) lies under \(directory), a symbolic link; name the key file by a path without links (tailscale_auth_key_file)")
            }
            guard status.owner.uid == 0, status.mode & 0o022 == 0 else {
                throw StepRefusal("the Tailscale auth key file \(path) lies in \(directory), which someone other than root could change (owner \(status.owner.uid) mode \(octal(status.mode))), so the file could be swapped before tailscale reads it — run chown root \(directory); chmod go-w \(directory), or keep the key in a directory only root can write")
            }
        }
        if let root = try host.stat("/"), root.owner.uid != 0 || root.mode & 0o022 != 0 {
            throw StepRefusal("the Tailscale auth key file \(path) lies under /, which someone other than root could change (owner \(root.owner.uid) mode \(octal(root.mode)))")
        }
    }
}

extension StepID {
    static let tailscaleUp = StepID("tailscale-up")
}
