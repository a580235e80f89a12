import FuzzerDriver

/// The body of the one harness this process runs. libFuzzer calls a C function pointer,
/// which cannot capture, so the harness is kept here; libFuzzer runs inputs one at a time.
nonisolated(unsafe) private var harness: (([UInt8]) -> Void)?

/// Runs a libFuzzer campaign over `body`, with libFuzzer's own command line flags.
public func runFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                      _ body: @escaping ([UInt8]) -> Void) -> Int32 {
    harness = body
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        harness?(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}

/// An invariant of the code under test: a violation stops the campaign with a crash report
/// and the input that caused it.
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}
