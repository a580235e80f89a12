import Foundation

/// Which crash points and faults a matrix run tries. CI runs a deterministic sample that
/// fits its budget; `CLAWDIE_SAFETY_MATRIX=full` runs every one (docs/testing.md).
struct MatrixSample: Sendable {
    static let environmentVariable = "CLAWDIE_SAFETY_MATRIX"

    /// Try every item.
    var full: Bool
    /// Of a sample, every `stride`-th item, starting at `offset` (the case's own, so that
    /// together the cases cover every position).
    var stride: Int
    var offset: Int

    static func forCase(index: Int) -> MatrixSample {
        let full = ProcessInfo.processInfo.environment[environmentVariable] == "full"
        return MatrixSample(full: full, stride: 24, offset: index % 24)
    }

    func includes(_ index: Int, of count: Int) -> Bool {
        full || index % stride == offset || index == count
    }
}
