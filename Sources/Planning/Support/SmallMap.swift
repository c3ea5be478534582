/// A map of a handful of keys (a building's technologies or funding programmes) kept as pairs in one
/// array, looked up by comparing keys in turn. At this size it takes a fraction of a dictionary's memory
/// (a dictionary of four entries reserves eight slots and a hash table) and no hashing, which matters
/// with one map per building and a million buildings. The keys are in the order they were first set;
/// equality does not depend on that order, as for a dictionary. Inlinable, so that the modules that read
/// the maps get code specialised to their keys and values.
public struct SmallMap<Key: Equatable, Value> {
    @usableFromInline var entries: [(key: Key, value: Value)] = []

    @inlinable public init() {}

    @inlinable public var count: Int { entries.count }

    /// Room for `count` keys in one allocation: a map filled one key at a time would otherwise grow its
    /// array (and keep the slack) on the way, which with one map per building adds up.
    @inlinable public mutating func reserveCapacity(_ count: Int) { entries.reserveCapacity(count) }

    @inlinable public var isEmpty: Bool { entries.isEmpty }

    /// The keys, in the order they were first set.
    @inlinable public var keys: [Key] { entries.map(\.key) }

    /// The values, in the order of `keys`.
    @inlinable public var values: [Value] { entries.map(\.value) }

    /// Each key is read where its entry is kept: `entries[i].key` copied the whole entry (a service's
    /// pair with two strings, retained and released) for every key compared.
    @inlinable func position(of key: Key) -> Int? {
        entries.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            for i in 0..<buffer.count where (base + i).pointer(to: \.key)!.pointee == key { return i }
            return nil
        }
    }

    /// The value of `key`; setting nil removes the key.
    @inlinable public subscript(key: Key) -> Value? {
        get { position(of: key).map { entries[$0].value } }
        set {
            switch (position(of: key), newValue) {
            case (let i?, let value?): entries[i].value = value
            case (let i?, nil): entries.remove(at: i)
            case (nil, let value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// The value of `key`, or `defaultValue` when it has none; modifying it sets the key.
    @inlinable public subscript(key: Key, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        set { self[key] = newValue }
    }
}

extension SmallMap: Sequence {
    @inlinable public func makeIterator() -> IndexingIterator<[(key: Key, value: Value)]> { entries.makeIterator() }
}

extension SmallMap: ExpressibleByDictionaryLiteral {
    /// The pairs in the literal's order; a repeated key keeps its last value.
    @inlinable public init(dictionaryLiteral elements: (Key, Value)...) {
        for (key, value) in elements { self[key] = value }
    }
}

extension SmallMap: Equatable where Value: Equatable {
    /// The same keys with the same values, in any order.
    @inlinable public static func == (a: SmallMap, b: SmallMap) -> Bool {
        a.count == b.count && a.entries.allSatisfy { b[$0.key] == $0.value }
    }
}

extension SmallMap: Sendable where Key: Sendable, Value: Sendable {}
