import FirstbootEngine

/// The rc.conf keys a step wants, as the changes that set those not already at their value:
/// a key that matches is no change, so a step that finds them all set plans nothing.
enum RCConfKeys {
    static func changes(_ wanted: [(key: String, value: String)], on host: any TargetHost) throws -> [Change] {
        try wanted.compactMap { key, value in
            try host.readKey(key, inFile: FreeBSDPaths.rcConf) == value
                ? nil : .setKey(file: FreeBSDPaths.rcConf, key: key, value: value)
        }
    }
}
