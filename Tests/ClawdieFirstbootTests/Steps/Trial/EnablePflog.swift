import FirstbootEngine
@testable import ClawdieFirstboot

/// `enable-pflog`: pf's log interface and pflogd on now and at every boot. A step the
/// platform does not ship: it shows what a new service step takes, written as product code
/// must be (its id a named constant, not a literal).
struct EnablePflog: EnablesService {
    let id = StepID.enablePflog
    let phase = Phase.firstboot
    var requires: [StepID] { [.enablePF] }
    let service = "pflog"
}

extension StepID {
    static let enablePflog = StepID("enable-pflog")
}
