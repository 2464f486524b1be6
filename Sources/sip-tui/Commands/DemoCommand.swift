import ArgumentParser
import Foundation
import SIPDemo
import SIPModel

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Fill an empty database with fictional demo plans.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many plans to create.") var plans: Int = 40
    @Option(help: "Random seed: the same seed gives the same data.") var seed: UInt64 = 1

    func run() throws {
        // The model refuses a non-empty database first, then anyone but an administrator.
        let summary = try global.withStore { store in try DemoGenerator.run(store: store, plans: plans, seed: seed) }
        let c = global.catalog
        print(
            "\(c(.demoDone)): \(summary.plans) \(c(.tuiPlans)), \(summary.groups) BUS, "
                + "\(c(.meetings)) \(summary.meetings), \(c(.interventions)) \(summary.interventions), "
                + "\(c(.deviations)) \(summary.deviations).")
    }
}
