/// Header fields in the order they were sent or added. Names compare ASCII-case-insensitively.
public struct HTTPHeaders: Sendable, Sequence, CustomStringConvertible {
    public typealias Element = (name: String, value: String)
    private var fields: [Element] = []

    public init() {}

    public init(_ fields: [(String, String)]) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    /// The first value of `name`, or nil.
    public subscript(name: String) -> String? {
        for field in fields where Self.namesMatch(field.name, name) { return field.value }
        return nil
    }

    /// Every value of `name`, in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.namesMatch($0.name, name) }.map(\.value)
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    /// Replaces every field called `name` with one.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append((name, value))
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { Self.namesMatch($0.name, name) }
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { Self.namesMatch($0.name, name) }
    }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Element]> { fields.makeIterator() }

    public var description: String { fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n") }

    /// Whether any comma-separated element of `name`'s values equals `token`, ignoring case
    /// (`Connection: keep-alive, Upgrade` has the token `upgrade`).
    public func hasToken(_ token: String, in name: String) -> Bool {
        for value in values(for: name) {
            for element in value.split(separator: ",") where Self.namesMatch(element.trimmingOWS, token) { return true }
        }
        return false
    }

    static func namesMatch(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        let x = a.utf8
        let y = b.utf8
        guard x.count == y.count else { return false }
        if let matched = x.withContiguousStorageIfAvailable({ x in y.withContiguousStorageIfAvailable { y in bytesMatch(x, y) } }) {
            return matched ?? false
        }
        // Bridged or foreign strings only.
        let (xs, ys) = (Array(x), Array(y))
        return xs.withUnsafeBufferPointer { x in ys.withUnsafeBufferPointer { y in bytesMatch(x, y) } }
    }

    /// ASCII case-insensitive equality of two byte runs of the same length: a plain loop over contiguous
    /// bytes, as header lookups run several times for every request.
    private static func bytesMatch(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<x.count where x[index] != y[index] {
            let p = x[index] | 0x20
            guard p == y[index] | 0x20, p >= UInt8(ascii: "a"), p <= UInt8(ascii: "z") else { return false }
        }
        return true
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (HTTP's optional white space).
    var trimmingOWS: Substring {
        var value = self[...]
        while let first = value.first, first == " " || first == "\t" { value = value.dropFirst() }
        while let last = value.last, last == " " || last == "\t" { value = value.dropLast() }
        return Substring(value)
    }
}
