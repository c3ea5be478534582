/// Receives progress of long stages (counts of items done), e.g. to draw a progress bar.
public protocol ProgressObserver: Sendable {
    func begin(_ stage: String, total: Int)
    /// `count` more items are done; may be called from any thread.
    func advance(_ count: Int)
    func end()
}
