import Foundation
import Testing
@testable import FirstbootEngine

/// errnoText uses strerror_r (FreeBSD's strerror shares one buffer among threads).
@Suite struct ErrnoTextTests {
    @Test func namesTheErrorAndStaysRightAcrossThreads() async {
        #expect(errnoText(ENOENT) == "No such file or directory")
        let texts = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                let code = index.isMultiple(of: 2) ? ENOENT : EACCES
                group.addTask { errnoText(code) == (code == ENOENT ? "No such file or directory" : "Permission denied") }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(texts.allSatisfy { $0 })
        #expect(!errnoText(99_999).isEmpty)
    }
}
