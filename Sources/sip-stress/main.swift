// A writer for the durability and concurrency tests: it saves, and says so only after each save
// has returned. Not installed or documented for users.
//
//   sip-stress DB PLAN COUNT   - COUNT versioned saves to PLAN's "child's view", printing "saved N"
//   sip-stress DB PLAN COUNT add - COUNT new interventions on PLAN, printing "added N"
import Foundation
import SIPModel

let arguments = CommandLine.arguments
guard arguments.count >= 4, let planId = Int64(arguments[2]), let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: sip-stress DB PLAN COUNT [add]\n".utf8))
    exit(2)
}
/// Written straight to the descriptor: an acknowledgement must not wait in a buffer a kill would lose.
func acknowledge(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
let tag = ProcessInfo.processInfo.processIdentifier
do {
    let store = try Store(path: arguments[1], context: .current(), busyTimeout: 10)
    let plan = try store.plan(planId)
    let agencyId = try store.allAgencies()[0].id!
    for n in 1...count {
        if arguments.count > 4 {
            try store.addIntervention(
                planId: planId, what: "stress \(tag) \(n)", agencyId: agencyId,
                startDate: plan.requestDate, dueDate: plan.requestDate.adding(days: 30))
            acknowledge("added \(n)")
        } else {
            // Another writer may have saved in between: take the newest version and save again.
            while true {
                var current = try store.plan(planId)
                current.childView = "save \(n)"
                do {
                    try store.updatePlan(current)
                    break
                } catch SIPError.conflict {
                    continue
                }
            }
            acknowledge("saved \(n)")
        }
    }
} catch let error as SIPError {
    FileHandle.standardError.write(Data("sip-stress: \(Catalog(.en).message(error))\n".utf8))
    exit(1)
}
