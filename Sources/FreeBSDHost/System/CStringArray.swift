import FirstbootEngine

/// Calls `body` with a NULL-terminated array of C strings (the shape of `argv` and `envp`),
/// valid only during the call.
///
/// The strings must not contain NUL bytes: the caller checks that first, because a C string
/// would silently end at the first one.
func withCStringArray<Result>(
    _ strings: [String],
    _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) throws -> Result
) rethrows -> Result {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { pointers.forEach { free($0) } }
    return try pointers.withUnsafeBufferPointer { try body($0.baseAddress!) }
}
