import ArgumentParser
import GeoCore
import Radio

/// A model result as JSON, its value under `key`.
func modelJSON(_ r: ModelResult, key: String) -> JSONObject {
    JSONObject([
        ("model", .string(r.model)), (key, .number(r.value)), ("in_validity_range", .bool(r.inValidityRange)),
        ("violations", .array(r.violations.map { .string($0) })), ("source", .string(r.source)),
        ("assumptions", .array(r.assumptions.map { .string($0) })),
    ])
}

/// Evaluates a path-loss model; `--strict` turns a range violation into a usage error.
func evaluate(_ model: PathLossModel, _ p: PathLossModel.Parameters, strict: Bool) throws -> ModelResult {
    do { return try model.evaluate(p, policy: strict ? .strict : .extrapolate) } catch let e as OutsideValidityRange {
        throw ValidationError(e.description)
    }
}
