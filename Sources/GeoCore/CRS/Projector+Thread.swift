import Foundation

extension Projector {
    /// The calling thread's projector: made on the thread's first call and kept while the thread lives,
    /// so that work split into many batches on pooled threads sets up PROJ's context and
    /// transformations (milliseconds each, with queries of PROJ's database) once per thread, not once per batch.
    public static var ofThisThread: Projector {
        let key = "gigaplan.Projector"
        let dictionary = Thread.current.threadDictionary
        if let projector = dictionary[key] as? Projector { return projector }
        let projector = Projector()
        dictionary[key] = projector
        return projector
    }
}
