import Foundation

/// Names to tell from a file's bytes in place: their UTF-8 bytes, compared length first.
struct NameList: Sendable {
    let names: [String]
    private let bytes: [[UInt8]]

    init(_ names: [String]) {
        self.names = names
        bytes = names.map { Array($0.utf8) }
    }

    /// The index of the name whose bytes are `text`, if any.
    func index(of text: UnsafeBufferPointer<UInt8>) -> Int? {
        for k in bytes.indices where bytes[k].count == text.count {
            // An empty name has no bytes to compare (and its buffers no address).
            if text.isEmpty { return k }
            if bytes[k].withUnsafeBufferPointer({ memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 }) {
                return k
            }
        }
        return nil
    }
}
