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

    /// The variable's value: unset for CI's sample, `full` for every case, or a part of a
    /// case's description (`cloud-vm vnet -> earlier-layout`) for those cases, whole.
    static var requested: String? {
        ProcessInfo.processInfo.environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func forCase(index: Int) -> MatrixSample {
        MatrixSample(full: requested != nil, stride: 24, offset: index % 24)
    }

    /// Whether the run includes the case at `index` of every case.
    static func includes(_ matrixCase: MatrixCase, at index: Int) -> Bool {
        switch requested {
        case nil: index % 4 == 0
        case "full": true
        case let part?: matrixCase.description.contains(part)
        }
    }

    func includes(_ index: Int, of count: Int) -> Bool {
        full || index % stride == offset || index == count
    }
}
