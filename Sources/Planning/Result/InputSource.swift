import Foundation
import GeoCore

/// One input file of a run and where its data comes from.
public struct InputSource: Sendable, Hashable {
    public var layer: LayerKind
    public var fileName: String
    public var attribution: String?
    public var licence: String?
    /// The layer is generated demo data.
    public var generated: Bool

    /// The scenario's input files with their attribution (scenario, then sidecar, then the file's members).
    /// - Parameters:
    ///   - fileNotes: the files' top-level notes by path (`GeoData.fileNotes`).
    ///   - generatedLayers: the layers marked as generated (`GeoData.generatedLayers`).
    static func list(_ scenario: Scenario, fileNotes: [String: JSONObject], generatedLayers: [String]) -> [InputSource]
    {
        let generated = Set(generatedLayers)
        return LayerKind.allCases.flatMap { kind in
            (scenario.inputs[kind] ?? []).map { input in
                let note = SourceNote.of(input, fileMembers: fileNotes[input.path])
                return InputSource(
                    layer: kind, fileName: URL(fileURLWithPath: input.path).lastPathComponent,
                    attribution: note.attribution, licence: note.licence, generated: generated.contains(kind.rawValue))
            }
        }
    }
}
