import Foundation
import Synchronization
import Testing
@testable import ClawdieFirstboot

/// The safety promise, for every bundled host profile and site, fresh and after a change of
/// site: a crash anywhere resumes to the uninterrupted host, the management path stays open,
/// a failing command leaves the host as before its step, a refusal changes nothing, and an
/// applied host has nothing left to do, also after a reboot (docs/testing.md).
@Suite struct SafetyMatrixTests {
    @Test func everyCaseKeepsTheSafetyPromise() throws {
        let started = Date()
        let everyCase = MatrixCase.all
        let full = MatrixSample.forCase(index: 0).full
        // CI's budget: a deterministic quarter of the cases, each with a sample of its crash
        // points and faults; CLAWDIE_SAFETY_MATRIX=full runs every case, point and fault.
        let cases = everyCase.enumerated().filter { index, matrixCase in
            MatrixSample.includes(matrixCase, at: index)
        }.map(\.element)
        let results = Mutex<[(MatrixCase, Result<MatrixRunner.Outcome, any Error>)]>([])
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            let runner = MatrixRunner(matrixCase: cases[index], sample: .forCase(index: index))
            let result = Result { try runner.run() }
            results.withLock { $0.append((cases[index], result)) }
        }
        var applied = 0, refused = 0, crashPoints = 0, faults = 0
        for (matrixCase, result) in results.withLock({ $0 }).sorted(by: { $0.0.description < $1.0.description }) {
            switch result {
            case .failure(let error):
                Issue.record("\(matrixCase): \(error)")
            case .success(let outcome):
                if outcome.applies { applied += 1 }
                if outcome.refused { refused += 1 }
                crashPoints += outcome.crashPoints
                faults += outcome.faults
                for finding in outcome.findings { Issue.record("\(matrixCase): \(finding)") }
            }
        }
        let phaseSets = Set(cases.compactMap { try? Settings.load(path: $0.sitePath, mustExist: true).bootPhases.joined(separator: " ") })
        print("safety matrix\(full ? "" : " (sample; CLAWDIE_SAFETY_MATRIX=full for all)"): \(cases.count) cases (\(applied) applied, \(refused) refused, "
              + "\(everyCase.count) in all) over \(MatrixCase.profiles.count) host profiles, \(MatrixCase.sites.count) sites, "
              + "phase sets \(phaseSets.sorted().map { "[\($0)]" }.joined(separator: " ")) × \(crashPoints) crash points × \(faults) faults "
              + "in \(Int(Date().timeIntervalSince(started))) s")
    }
}
