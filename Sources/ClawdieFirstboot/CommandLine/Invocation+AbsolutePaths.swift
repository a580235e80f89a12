extension Invocation {
    /// The invocation with every path option made absolute against `directory`, the working
    /// directory it was given in. Done once, right after parsing, so that whatever this run
    /// starts — the detached confirmation watcher, which runs in `/` — gets the same files.
    func withAbsolutePaths(in directory: String) -> Invocation {
        func absolute(_ path: String?) -> String? {
            guard let path, !path.isEmpty, !path.hasPrefix("/") else { return path }
            var relative = Substring(path)
            while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
            return (directory.hasSuffix("/") ? directory : directory + "/") + relative
        }
        var resolved = self
        resolved.configPath = absolute(configPath)
        resolved.stateDirectory = absolute(stateDirectory)
        resolved.hostProfile = absolute(hostProfile)
        resolved.output = absolute(output)
        return resolved
    }
}
