import GeoCore
import Synchronization

extension GeoDataLoader {
    /// A file to read: its path, the layer kind to read it as (nil: told from its name) and options.
    public struct FileToRead: Sendable {
        public var path: String
        public var kind: LayerKind?
        public var options: InputOptions

        public init(path: String, kind: LayerKind?, options: InputOptions = InputOptions()) {
            (self.path, self.kind, self.options) = (path, kind, options)
        }
    }

    /// Reads and decodes files on all cores (a file's features prepared and decoded in chunks, which the
    /// threads done with their own files take up), and returns them in the order of `files`, so that
    /// whoever merges them gets the same ids and problems whatever the timing.
    /// `decodeAs` names the kind each layer of file k is decoded as, or nil to leave it undecoded;
    /// `finished` is told each file's index when it is done. A decoded layer comes back without its
    /// features (they would be held beside the decoded items of every file until all are merged).
    public func readInParallel(
        _ files: [FileToRead], decodeAs: @Sendable (_ file: Int, Layer) -> LayerKind?,
        finished: (@Sendable (Int) -> Void)? = nil
    ) -> [Result<[(layer: Layer, decoded: GeoData?)], UnreadableFile>] {
        let (workingCRS, csvCRS) = (workingCRS, csvCRS)
        // A thread that finds no file left to start helps prepare and decode the others' features (the
        // `parallelChunks` of `FeatureLayer.prepared` and `LayerDecoder.decode`) until every file is done.
        let counts = FileCounts()
        return parallelMap(count: files.count, chunkSize: 1) { range in
            defer { if counts.started == files.count { helpWithOpenLoops { counts.done == files.count } } }
            return range.map { f -> Result<[(layer: Layer, decoded: GeoData?)], UnreadableFile> in
                counts.start()
                defer {
                    finished?(f)
                    counts.finish()
                }
                let reader = GeoDataLoader(workingCRS: workingCRS, csvCRS: csvCRS)
                do throws(UnreadableFile) {
                    var layers = try reader.read(path: files[f].path, kind: files[f].kind, options: files[f].options)
                    return .success(
                        layers.indices.map { i in
                            guard let kind = decodeAs(f, layers[i]) else { return (layers[i], nil) }
                            let decoded = GeoDataLoader.decode(layers[i].takeFeatures(), as: kind)
                            return (layers[i], decoded)
                        })
                } catch { return .failure(error) }
            }
        }
    }
}

/// The files of a `readInParallel` started and done so far.
private final class FileCounts: Sendable {
    private let startedCount = Atomic<Int>(0)
    private let doneCount = Atomic<Int>(0)

    var started: Int { startedCount.load(ordering: .relaxed) }
    var done: Int { doneCount.load(ordering: .relaxed) }

    func start() { startedCount.add(1, ordering: .relaxed) }

    /// Counts one file more as done, and wakes the threads that help with loops to see whether all are.
    func finish() {
        doneCount.add(1, ordering: .relaxed)
        wakeLoopHelpers()
    }
}
