import FirstbootEngine

/// Looks up a C library function at run time, for functions that exist in the C library
/// but that its headers hide from Swift (glibc declares `pipe2` only under _GNU_SOURCE) or
/// that older versions lack. `Function` must be the matching `@convention(c)` type.
func cLibraryFunction<Function>(_ name: String, as type: Function.Type) -> Function? {
    guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, name) else { return nil }
    return unsafeBitCast(symbol, to: type)
}
