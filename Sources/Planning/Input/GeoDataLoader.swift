import Foundation
import GeoCore

/// Reads GeoData files, screens and projects them to the working CRS, and decodes each layer.
///
/// Projects with the calling thread's projector (`Projector.ofThisThread`), so that files read one
/// after another on a thread set up PROJ's transformations once.
public final class GeoDataLoader {
    public let workingCRS: CRS
    /// The CRS of x/y columns in CSV files.
    public let csvCRS: CRS?

    public init(workingCRS: CRS = .etrs89UTM32, csvCRS: CRS? = nil) {
        self.workingCRS = workingCRS
        self.csvCRS = csvCRS
    }

    /// One layer of a file, prepared for analysis.
    public struct Layer: Sendable {
        public var kind: LayerKind?
        public var features: FeatureLayer
        /// The features the file holds; still so once `features` are let go (`readInParallel`).
        public var featureCount: Int

        /// The layer's features, handed over: the layer keeps none, so that the one who takes them holds
        /// them alone and can let each go once decoded (`GeoDataLoader.decode`).
        public mutating func takeFeatures() -> FeatureLayer {
            let taken = features
            features.features = []
            return taken
        }
    }

    /// Reads every layer of a file (or only `table` of a GeoPackage), screened and projected. The layer
    /// kind comes from `kind`, else from the table or file name. When `kind` is given, the layer is named
    /// after it in every problem (with the table of a GeoPackage).
    /// - Throws: `UnreadableFile`, also when `kind` is given for a GeoPackage with several feature tables
    ///   and no `table` names one of them.
    public func read(
        path: String, kind: LayerKind? = nil, options: InputOptions = InputOptions()
    ) throws(UnreadableFile) -> [Layer] {
        let table = options.table
        if let kind, table == nil, path.lowercased().hasSuffix(".gpkg") {
            let tables = try GeoPackageReader.layerNames(path: path)
            if tables.count > 1 {
                throw UnreadableFile(
                    path: path,
                    reason:
                        "the GeoPackage holds \(tables.count) feature tables (\(tables.joined(separator: ", "))); name "
                        + "the one for \(kind.rawValue) with {file: …, table: …}")
            }
        }
        var layers = try FeatureFileReader.read(path: path, options: .init(csvCRS: csvCRS, table: table))
        let count = layers.count
        let projector = Projector.ofThisThread
        let isGeoPackage = path.lowercased().hasSuffix(".gpkg")
        var out: [Layer] = []
        while !layers.isEmpty {
            // Take the layer out of the list, so that its unprojected features are freed as soon as the
            // projected ones exist.
            var layer = layers.removeFirst()
            options.apply(to: &layer)
            if let kind {
                let name =
                    isGeoPackage && layer.name != kind.rawValue
                    ? "\(kind.rawValue) (table \(layer.name))" : kind.rawValue
                layer.rename(name)
            } else if isGeoPackage == false, count == 1 {
                // Problems name the layer the file is read as, not its file name.
                if let guessed = LayerKind(guessingFrom: URL(fileURLWithPath: path).lastPathComponent) {
                    layer.rename(guessed.rawValue)
                }
            }
            do { _ = try projector.info(layer.crs) } catch {
                throw UnreadableFile(path: path, reason: "\(layer.name): CRS \(layer.crs) is unknown to PROJ")
            }
            let prepared: FeatureLayer
            let name = layer.name
            // Let go of the layer, so that it is projected in place.
            do { prepared = try (consume layer).prepared(for: workingCRS, projector: projector) } catch {
                throw UnreadableFile(path: path, reason: "\(name): \(error)")
            }
            let guessed =
                kind ?? LayerKind(guessingFrom: name)
                ?? (count == 1 ? LayerKind(guessingFrom: URL(fileURLWithPath: path).lastPathComponent) : nil)
            out.append(Layer(kind: guessed, features: prepared, featureCount: prepared.features.count))
        }
        return out
    }

    /// Adds the layers of a file to `data`.
    public func load(
        path: String, as kind: LayerKind? = nil, options: InputOptions = InputOptions(), into data: inout GeoData
    ) throws(UnreadableFile) {
        var layers = try read(path: path, kind: kind, options: options)
        for i in layers.indices {
            guard let k = layers[i].kind else {
                throw UnreadableFile(
                    path: path,
                    reason: "cannot tell which layer \"\(layers[i].features.name)\" is; name it (buildings, "
                        + "schools, focus_points, sites, wlan, fixed, districts, population, streets)")
            }
            Self.add(layers[i].takeFeatures(), as: k, into: &data)
        }
    }

    /// Decodes one prepared layer into `data` (letting each feature go once decoded where the layer is
    /// handed over).
    public static func add(_ layer: consuming FeatureLayer, as kind: LayerKind, into data: inout GeoData) {
        // The merge reads the layer's name and file only: it gets them without the features.
        var header = copy layer
        header.features = []
        merge(decode(consume layer, as: kind), of: header, as: kind, into: &data)
    }

    /// One prepared layer decoded on its own: its items, problems, dropped count and file notes. Layers
    /// of different files can be decoded at the same time and merged in file order (`merge`). Each feature
    /// is let go once decoded where the layer is handed over (`consume`) and holds its features alone.
    public static func decode(_ layer: consuming FeatureLayer, as kind: LayerKind) -> GeoData {
        var part = GeoData(crs: layer.crs)
        func take<T: Identified>(_ decoded: DecodedLayer<T>, _ keyPath: WritableKeyPath<GeoData, [T]>) {
            part[keyPath: keyPath] = decoded.items
            part.problems = decoded.problems
            part.dropped[kind] = decoded.dropped
        }
        if !layer.metadata.isEmpty {
            part.notes[kind] = layer.metadata
            part.fileNotes[layer.source] = layer.metadata
        }
        switch kind {
        case .buildings: take(LayerDecoder.buildings(&layer), \.buildings)
        case .schools: take(LayerDecoder.schools(&layer), \.schools)
        case .focusPoints: take(LayerDecoder.focusPoints(&layer), \.focusPoints)
        case .sites: take(LayerDecoder.sites(&layer), \.sites)
        case .wlan: take(LayerDecoder.wlan(&layer), \.wlan)
        case .fixed: take(LayerDecoder.fixed(&layer), \.fixed)
        case .districts: take(LayerDecoder.districts(&layer), \.districts)
        case .population: take(LayerDecoder.population(&layer), \.population)
        case .streets: take(LayerDecoder.streets(&layer), \.streets)
        case .projectAreas: take(LayerDecoder.districts(&layer), \.projectAreaPolygons)
        }
        return part
    }

    /// Adds a decoded layer (`decode`) to `data`.
    public static func merge(_ part: GeoData, of layer: FeatureLayer, as kind: LayerKind, into data: inout GeoData) {
        func take<T: Identified>(_ keyPath: WritableKeyPath<GeoData, [T]>) {
            var items = part[keyPath: keyPath]
            // Ids are unique per file; where a second file of the layer uses an id again, its features
            // are renamed FILE:ID (so that "1", "2" … of two WLAN lists do not merge), and that is said.
            if !data[keyPath: keyPath].isEmpty {
                let taken = Set(data[keyPath: keyPath].map(\.id))
                let stem = URL(fileURLWithPath: layer.source).deletingPathExtension().lastPathComponent
                var renamed: [String] = []
                for i in items.indices where taken.contains(items[i].id) {
                    renamed.append(items[i].id)
                    items[i].id = "\(stem):\(items[i].id)"
                }
                if !renamed.isEmpty {
                    data.problems.append(
                        InputProblem(
                            .warning, code: "id-collision", file: layer.source, layer: layer.name, field: "id",
                            reason:
                                "\(renamed.count) id(s) of this file are used by an earlier \(kind.rawValue) file too "
                                + "(e.g. \"\(renamed[0])\"); they are renamed \"\(stem):<id>\""))
                }
            }
            // The first file's items are taken whole (no copy of each item).
            if data[keyPath: keyPath].isEmpty {
                data[keyPath: keyPath] = items
            } else {
                data[keyPath: keyPath] += items
            }
        }
        switch kind {
        case .buildings: take(\.buildings)
        case .schools: take(\.schools)
        case .focusPoints: take(\.focusPoints)
        case .sites: take(\.sites)
        case .wlan: take(\.wlan)
        case .fixed: take(\.fixed)
        case .districts: take(\.districts)
        case .population: take(\.population)
        case .streets: take(\.streets)
        case .projectAreas: take(\.projectAreaPolygons)
        }
        data.problems += part.problems
        data.dropped[kind, default: 0] += part.dropped[kind] ?? 0
        for (k, note) in part.notes { data.notes[k] = note }
        for (path, note) in part.fileNotes { data.fileNotes[path] = note }
    }
}
