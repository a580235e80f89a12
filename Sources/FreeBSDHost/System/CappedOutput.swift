#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The bytes kept from one output stream of a child: at most `limit`; whatever comes after
/// is still read (so the child never blocks on a full pipe) but dropped.
struct CappedOutput {
    private(set) var data = Data()
    /// True once the stream produced more bytes than `limit`.
    private(set) var truncated = false
    let limit: Int

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let room = limit - data.count
        if bytes.count <= room {
            data.append(contentsOf: bytes)
        } else {
            if room > 0 { data.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes.prefix(room))) }
            truncated = true
        }
    }
}
