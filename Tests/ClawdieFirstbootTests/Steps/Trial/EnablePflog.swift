import FirstbootEngine
@testable import ClawdieFirstboot

/// `enable-pflog`: pf's log interface and pflogd on now and at every boot. A step the
/// platform does not ship: it shows what a new service step takes.
struct EnablePflog: EnablesService {
    let id = "enable-pflog"
    let phase = Phase.firstboot
    var requires: [String] { ["enable-pf"] }
    let service = "pflog"
}
