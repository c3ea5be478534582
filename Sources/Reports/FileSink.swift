import Foundation
import GeoCore
import Planning

/// Appends text to a file through a large buffer.
final class FileSink {
    private let handle: FileHandle
    private var buffer = Data()
    /// The file's pages go to the disk as it grows (`WriteBehind`).
    private var behind: WriteBehind

    private let path: String

    init(path: String) throws {
        self.path = path
        do {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        } catch { throw FileWriteError.wrap(error, path: path) }
        behind = WriteBehind(descriptor: handle.fileDescriptor)
        buffer.reserveCapacity(AtomicFile.writePiece)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        try flushWhenFull()
    }

    /// Large parts (a batch of formatted features) go to the file as they are, not through the buffer.
    func write(_ bytes: [UInt8]) throws {
        guard bytes.count < AtomicFile.writePiece else {
            try flush()
            try bytes.withUnsafeBytes(writeAll)
            return
        }
        buffer.append(contentsOf: bytes)
        try flushWhenFull()
    }

    private func flushWhenFull() throws { if buffer.count >= AtomicFile.writePiece { try flush() } }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes(writeAll)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes bytes to the file in pieces (`AtomicFile.writeAll`).
    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        let failure = AtomicFile.writeAll(handle.fileDescriptor, bytes, behind: &behind)
        guard failure == 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(failure))) }
    }

    func close() throws {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch { throw FileWriteError.wrap(error, path: path) }
    }
}

/// Formats a layer's features in parallel batches and hands the text (UTF-8) to `write` in feature order.
/// A batch's text is held until it is written: 4,096 buildings make about 7.5 MB of GeoJSON. Four writers
/// run at once, so that a smaller batch lowers the peak; it keeps both cores busy with four chunks. Each
/// chunk's rows come from `rows` (shared with the other writers of the layer) as `reader`; `format` gets
/// the chunk's range, its rows and the capacity its text will likely need: the most bytes per row of the
/// batches before, with an eighth more (0 for the first batch). Reserving it spares the text the copies
/// of growing, and the pages each copy faults in.
func streamFormatted(
    _ rows: SharedRows, reader: Int, chunksPerBatch: Int = 4, progress: (any ProgressObserver)? = nil,
    _ format: @Sendable (_ range: Range<Int>, _ rows: [OutputRow], _ capacity: Int) throws -> [UInt8],
    write: ([UInt8]) throws -> Void
) throws {
    defer { rows.finish(reader: reader) }
    let count = rows.layer.count
    let chunk = rows.chunkSize
    var start = 0
    var bytesPerRow = 0
    while start < count {
        let end = min(count, start + chunksPerBatch * chunk)
        let (base, perRow) = (start, bytesPerRow)
        let parts: [Result<[UInt8], any Error>] = parallelMap(count: (end - start + chunk - 1) / chunk, chunkSize: 1) {
            chunks in
            chunks.map { c in
                Result {
                    let range = (base + c * chunk)..<min(end, base + (c + 1) * chunk)
                    let capacity = perRow * range.count + perRow * range.count / 8
                    return try format(range, rows.rows(range, reader: reader), capacity)
                }
            }
        }
        for (c, part) in parts.enumerated() {
            let text = try part.get()
            let rowsInPart = min(end, base + (c + 1) * chunk) - (base + c * chunk)
            bytesPerRow = max(bytesPerRow, (text.count + rowsInPart - 1) / rowsInPart)
            try write(text)
        }
        progress?.advance(end - start)
        start = end
    }
}
