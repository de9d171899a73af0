import Articles

/// The editable fields of a write body, read from its JSON object with every problem collected: unknown
/// fields, read-only fields, wrong JSON types and unparseable values. A field with a problem is `.absent`
/// here, so building the article does not report it twice.
struct ArticleInput {
    var slug: FieldInput<String> = .absent
    var title: FieldInput<String> = .absent
    var summary: FieldInput<String> = .absent
    var body: FieldInput<String> = .absent
    var author: FieldInput<String> = .absent
    var category: FieldInput<String> = .absent
    var tags: FieldInput<[String]> = .absent
    var language: FieldInput<String> = .absent
    var breaking: FieldInput<Bool> = .absent
    var status: FieldInput<ArticleStatus> = .absent
    var publishedAt: FieldInput<Timestamp> = .absent
    var related: FieldInput<[String]> = .absent
    /// Every problem found while reading, in body order.
    var problems: [Problem.Entry] = []
    /// The keys the body names, bad ones included.
    private(set) var keys: Set<String> = []

    /// Fields the server sets; a body that names them is a 422.
    static let readOnlyFields: Set<String> = ["id", "createdAt", "updatedAt"]
    /// Fields an editor may write.
    static let writableFields = ArticleField.allCases.map(\.rawValue).filter { !readOnlyFields.contains($0) }

    /// Reads `members` (the body's top-level object).
    init(_ members: [(key: String, value: JSONValue)]) {
        for (key, value) in members {
            guard keys.insert(key).inserted else {
                problems.append(.field(key, "appears more than once in the body"))
                continue
            }
            switch key {
            case "slug": slug = string(key, value)
            case "title": title = string(key, value)
            case "summary": summary = string(key, value)
            case "body": body = string(key, value)
            case "author": author = string(key, value)
            case "category": category = string(key, value)
            case "language": language = string(key, value)
            case "tags": tags = strings(key, value)
            case "related": related = strings(key, value)
            case "breaking":
                switch value {
                case .null: breaking = .null
                case .bool(let flag): breaking = .value(flag)
                default: wrongType(key, value, expected: "a boolean (true or false)")
                }
            case "status":
                switch string(key, value) {
                case .absent: break
                case .null: status = .null
                case .value(let text):
                    if let parsed = ArticleStatus(rawValue: text) {
                        status = .value(parsed)
                    } else {
                        problems.append(.field(key, "must be 'draft', 'published' or 'archived', not '\(text)'"))
                    }
                }
            case "publishedAt":
                switch string(key, value) {
                case .absent: break
                case .null: publishedAt = .null
                case .value(let text):
                    if let parsed = Timestamp(rfc3339: text) {
                        publishedAt = .value(parsed)
                    } else {
                        problems.append(.field(key, "must be an RFC 3339 timestamp such as 2025-09-06T08:30:00Z, not '\(text)'"))
                    }
                }
            default:
                if Self.readOnlyFields.contains(key) {
                    problems.append(.field(key, "is set by the server and cannot be written; leave it out"))
                } else {
                    let suggestion = QueryParameters.closest(to: key, in: Self.writableFields)
                        .map { "; did you mean '\($0)'?" } ?? ""
                    problems.append(.field(key, "is not a field of an article\(suggestion)"))
                }
            }
        }
    }

    private mutating func wrongType(_ key: String, _ value: JSONValue, expected: String) {
        problems.append(.field(key, "must be \(expected), not \(value.typeName)"))
    }

    private mutating func string(_ key: String, _ value: JSONValue) -> FieldInput<String> {
        switch value {
        case .null: return .null
        case .string(let text): return .value(text)
        default:
            wrongType(key, value, expected: "a string")
            return .absent
        }
    }

    private mutating func strings(_ key: String, _ value: JSONValue) -> FieldInput<[String]> {
        switch value {
        case .null: return .null
        case .array(let elements):
            var texts: [String] = []
            texts.reserveCapacity(elements.count)
            var allStrings = true
            for (position, element) in elements.enumerated() {
                if case .string(let text) = element {
                    texts.append(text)
                } else {
                    wrongType("\(key)[\(position)]", element, expected: "a string")
                    allStrings = false
                }
            }
            return allStrings ? .value(texts) : .absent
        default:
            wrongType(key, value, expected: "an array of strings")
            return .absent
        }
    }
}
