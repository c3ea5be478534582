import Foundation
import GeoCore

/// The rows of an output layer, made once for the several writers that write it (GeoPackage, GeoJSON,
/// CSV), each reading at its own pace. Rows are made in chunks of `chunkSize` by the first reader that
/// asks for a chunk, kept until every reader has taken it, then let go. A reader that runs more than
/// `window` chunks ahead of the oldest chunk still held waits, so that at most that many chunks are held
/// however far apart the writers drift; the reader furthest behind never waits, so the writers cannot
/// wait on each other in a circle.
///
/// Every reader takes every chunk once, in any order, and calls `finish` when it is done or gives up (a
/// writer that fails part-way): the chunks it did not take are then released for it, so that the others
/// are not left waiting, and a take of its that is still waiting returns nothing. With one reader, or
/// with `GIGAPLAN_THREADS=1` (writers run one after another), nothing is kept: each reader makes the
/// rows it takes.
final class SharedRows: @unchecked Sendable {
    let layer: OutputLayer
    let chunkSize: Int
    let chunkCount: Int
    private let window: Int
    private let sharing: Bool

    private enum Chunk {
        case making
        case made([OutputRow])
    }

    /// The chunks a layer's readers may drift apart by: four chunks of building rows (a few MB each).
    static let defaultWindow = 4
    /// A layer of up to this many chunks is held whole when its readers drift apart. Its rows are few and
    /// small beside the buildings' (the addresses, trenches, areas, sectors), and a writer slowed by one
    /// layer's heavy geometries (GeoJSON projecting the project areas to WGS 84) then does not hold back
    /// the others on the next one.
    static let wholeLayerChunks = 32

    private let condition = NSCondition()
    private var chunks: [Int: Chunk] = [:]
    /// Per chunk, the readers that have not taken it yet.
    private var waiting: [Int]
    /// Per reader and chunk, whether the reader has taken it (or given it up).
    private var taken: [[Bool]]
    /// Per reader, whether it has finished.
    private var finished: [Bool]
    /// The first chunk that some reader has not taken yet.
    private var oldest = 0

    /// - Parameter window: the chunks held at most; by default `defaultWindow` of them, or every chunk of a
    ///   layer of at most `wholeLayerChunks` chunks.
    init(_ layer: OutputLayer, readers: Int, chunkSize: Int = 1024, window: Int? = nil) {
        precondition(readers >= 1 && chunkSize >= 1 && (window ?? 1) >= 1)
        self.layer = layer
        self.chunkSize = chunkSize
        chunkCount = (layer.count + chunkSize - 1) / chunkSize
        self.window = window ?? (chunkCount <= Self.wholeLayerChunks ? max(1, chunkCount) : Self.defaultWindow)
        sharing = readers > 1 && !singleThreaded
        waiting = Array(repeating: readers, count: chunkCount)
        taken = Array(repeating: Array(repeating: false, count: chunkCount), count: readers)
        finished = Array(repeating: false, count: readers)
    }

    /// The rows of chunk `k` (rows `k × chunkSize` up to the next chunk or the layer's end) for `reader`;
    /// nothing once the reader has finished.
    func take(_ k: Int, reader: Int) -> [OutputRow] {
        guard sharing else { return make(k) }
        condition.lock()
        defer { condition.unlock() }
        while true {
            if finished[reader] { return [] }
            precondition(!taken[reader][k], "chunk \(k) of \(layer.name) taken twice by reader \(reader)")
            if k >= oldest + window {
                condition.wait()
                continue
            }
            switch chunks[k] {
            case .made(let rows):
                release(k, reader: reader)
                return rows
            case .making: condition.wait()
            case nil:
                chunks[k] = .making
                condition.unlock()
                let rows = make(k)
                condition.lock()
                chunks[k] = .made(rows)
                condition.broadcast()
            }
        }
    }

    /// Ends `reader`: the chunks it has not taken are released for it, and it takes nothing more (a take
    /// it is waiting in returns nothing).
    func finish(reader: Int) {
        guard sharing else { return }
        condition.lock()
        defer { condition.unlock() }
        guard !finished[reader] else { return }
        finished[reader] = true
        for k in 0..<chunkCount where !taken[reader][k] { release(k, reader: reader) }
        condition.broadcast()
    }

    /// The rows of `range` (a whole chunk, as `streamFormatted` asks for them).
    func rows(_ range: Range<Int>, reader: Int) -> [OutputRow] {
        precondition(range.lowerBound % chunkSize == 0 && range.upperBound == chunkEnd(range.lowerBound / chunkSize))
        return take(range.lowerBound / chunkSize, reader: reader)
    }

    /// Calls `body` with every row in order while the next chunk is made (or taken) on a thread of its own
    /// (`BackgroundJob`): for a writer whose own work is serial (one SQLite connection), so that making the
    /// rows runs beside it instead of adding to it. The reader is finished at the end, also when `body`
    /// throws.
    func forEachRowMadeAhead(reader: Int, _ body: (Int, OutputRow) throws -> Void) throws {
        defer { finish(reader: reader) }
        func fetch(_ k: Int) -> BackgroundJob<[OutputRow]> { BackgroundJob { self.take(k, reader: reader) } }
        var next = chunkCount > 0 ? fetch(0) : nil
        for k in 0..<chunkCount {
            let rows = next!.value
            next = k + 1 < chunkCount ? fetch(k + 1) : nil
            // Read in place: a copy of a row is retained and released, from every writer at once.
            try rows.withUnsafeBufferPointer { rows in for j in rows.indices { try body(k * chunkSize + j, rows[j]) } }
        }
    }

    private func chunkEnd(_ k: Int) -> Int { min(layer.count, (k + 1) * chunkSize) }

    private func make(_ k: Int) -> [OutputRow] { (k * chunkSize..<chunkEnd(k)).map { layer.row($0) } }

    /// Marks chunk `k` taken by `reader`; the last reader lets it go. Called with the lock held.
    private func release(_ k: Int, reader: Int) {
        taken[reader][k] = true
        waiting[k] -= 1
        guard waiting[k] == 0 else { return }
        chunks[k] = nil
        while oldest < chunkCount && waiting[oldest] == 0 { oldest += 1 }
        condition.broadcast()
    }
}
