import ArgumentParser
import Foundation
import GeoCore
import Radio

struct PathLossCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathloss", abstract: "Path loss (or building entry loss) of one model, in dB.",
        discussion:
            "Models: \(PathLossModel.allCases.map(\.rawValue).joined(separator: ", ")). Units: MHz, m, degrees. "
            + "Defaults: bs height 25 m, ue height 1.5 m, W 20 m, h 5 m, P 0.5.")

    @Option(help: "The model.") var model: PathLossModel

    @OptionGroup var path: PathOptions

    @Option(help: "text or json.") var format: PrintFormat = .text

    func validate() throws {
        guard path.frequencyMhz != nil else { throw ValidationError("--frequency-mhz is required") }
        if path.distanceM == nil && !model.isEntryLoss {
            throw ValidationError("--distance-m is required for \(model.rawValue)")
        }
    }

    func run() throws {
        let f = path.frequencyMhz!
        let p = path.parameters(frequencyMHz: f)
        let r = try evaluate(model, p, strict: path.strict)
        switch format {
        case .json:
            var o = modelJSON(r, key: "path_loss_db")
            o["frequency_mhz"] = .number(f)
            o["distance_m"] = .number(p.distanceM)
            print(JSONWriter.serialize(.object(o), pretty: true))
        case .text:
            print("model: \(r.model)")
            print("path loss: \(String(format: "%.2f", r.value)) dB")
            print("in validity range: \(r.inValidityRange ? "yes" : "no")")
            for v in r.violations { print("  outside: \(v)") }
            for a in r.assumptions { print("assumption: \(a)") }
            print("source: \(r.source)")
        }
    }
}
